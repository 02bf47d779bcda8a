using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Truce.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "Actors",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actors", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false, collation: "C"),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    BeforeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    AfterHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Detail = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Capabilities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    PersonnelPerUnit = table.Column<int>(type: "integer", nullable: false),
                    Equipment = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Capabilities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "CookieKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Xml = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CookieKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Place = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    HostCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Summary = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Outcomes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ParticipantsReported = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Missions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Illustrative = table.Column<bool>(type: "boolean", nullable: false),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Missions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Scenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    SettingsJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    MarkingScope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sectors",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    InUkraine = table.Column<bool>(type: "boolean", nullable: false),
                    NearFrontLine = table.Column<bool>(type: "boolean", nullable: false),
                    Maritime = table.Column<bool>(type: "boolean", nullable: false),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sectors", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SignInThrottles",
                columns: table => new
                {
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    WindowStartedTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInThrottles", x => x.Address);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PasswordHash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MemberCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SecurityStamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DisabledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActorRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    OfCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    ActorCode = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActorRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActorRoles_Actors_ActorCode",
                        column: x => x.ActorCode,
                        principalTable: "Actors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    ActorCode = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.ActorCode);
                    table.ForeignKey(
                        name: "FK_Members_Actors_ActorCode",
                        column: x => x.ActorCode,
                        principalTable: "Actors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    ActorCode = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C"),
                    RepresentedByCode = table.Column<string>(type: "character varying(64)", nullable: true, collation: "C"),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Confidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Actors_ActorCode",
                        column: x => x.ActorCode,
                        principalTable: "Actors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Actors_RepresentedByCode",
                        column: x => x.RepresentedByCode,
                        principalTable: "Actors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingParticipants_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Publisher = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Quote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    MeetingId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingSources_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Requirements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionCode = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C"),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CapabilityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    WindowStart = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    MarkingScope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Requirements_Missions_MissionCode",
                        column: x => x.MissionCode,
                        principalTable: "Missions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Scopes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Publisher = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Quote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    MemberCode = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberSources_Members_MemberCode",
                        column: x => x.MemberCode,
                        principalTable: "Members",
                        principalColumn: "ActorCode",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pledges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    MemberCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Capability = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CapabilityCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UnitSize = table.Column<long>(type: "bigint", nullable: true),
                    Quantity = table.Column<long>(type: "bigint", nullable: true),
                    Unit = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    QuantityIsUpTo = table.Column<bool>(type: "boolean", nullable: false),
                    ValueMinor = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true, collation: "C"),
                    ValueEurMinor = table.Column<long>(type: "bigint", nullable: true),
                    FxDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReadinessDays = table.Column<int>(type: "integer", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    Confidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Illustrative = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pledges_Members_MemberCode",
                        column: x => x.MemberCode,
                        principalTable: "Members",
                        principalColumn: "ActorCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeConditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PledgeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeConditions_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PledgeId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ChangesJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeRevisions_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Publisher = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Quote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PledgeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeSources_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeViews",
                columns: table => new
                {
                    PledgeId = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeViews", x => x.PledgeId);
                    table.ForeignKey(
                        name: "FK_PledgeViews_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActorRoles_ActorCode",
                table: "ActorRoles",
                column: "ActorCode");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_TokenHash",
                table: "ApiTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action",
                table: "AuditEntries",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Seq",
                table: "AuditEntries",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_ActorCode",
                table: "MeetingParticipants",
                column: "ActorCode");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_MeetingId",
                table: "MeetingParticipants",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipants_RepresentedByCode",
                table: "MeetingParticipants",
                column: "RepresentedByCode");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSources_MeetingId",
                table: "MeetingSources",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Key",
                table: "Meetings",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberSources_MemberCode",
                table: "MemberSources",
                column: "MemberCode");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeConditions_Kind",
                table: "PledgeConditions",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeConditions_PledgeId",
                table: "PledgeConditions",
                column: "PledgeId");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeRevisions_PledgeId_Version",
                table: "PledgeRevisions",
                columns: new[] { "PledgeId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PledgeSources_PledgeId",
                table: "PledgeSources",
                column: "PledgeId");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Category",
                table: "Pledges",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Key",
                table: "Pledges",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_MemberCode",
                table: "Pledges",
                column: "MemberCode");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Stage",
                table: "Pledges",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_MissionCode_Code_MarkingScope",
                table: "Requirements",
                columns: new[] { "MissionCode", "Code", "MarkingScope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_Name_MarkingScope",
                table: "Scenarios",
                columns: new[] { "Name", "MarkingScope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInThrottles_WindowStartedTicks",
                table: "SignInThrottles",
                column: "WindowStartedTicks");

            migrationBuilder.CreateIndex(
                name: "IX_Users_UserName",
                table: "Users",
                column: "UserName",
                unique: true);

            // The database itself refuses to rewrite history, as on SQLite: raw SQL cannot quietly change or
            // remove an audit entry or a pledge's revision, row by row or by TRUNCATE. (An owner of the
            // database can drop or disable the triggers; truce audit verify sees what that allows.)
            migrationBuilder.Sql("""
                CREATE FUNCTION truce_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% are append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
                END $$;
                """);
            foreach (var table in new[] { "AuditEntries", "PledgeRevisions" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION truce_append_only();
                    CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION truce_append_only();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "AuditEntries", "PledgeRevisions" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_append_only\" ON \"{table}\"; DROP TRIGGER IF EXISTS \"{table}_no_truncate\" ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS truce_append_only();");

            migrationBuilder.DropTable(
                name: "ActorRoles");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Capabilities");

            migrationBuilder.DropTable(
                name: "CookieKeys");

            migrationBuilder.DropTable(
                name: "MeetingParticipants");

            migrationBuilder.DropTable(
                name: "MeetingSources");

            migrationBuilder.DropTable(
                name: "MemberSources");

            migrationBuilder.DropTable(
                name: "PledgeConditions");

            migrationBuilder.DropTable(
                name: "PledgeRevisions");

            migrationBuilder.DropTable(
                name: "PledgeSources");

            migrationBuilder.DropTable(
                name: "PledgeViews");

            migrationBuilder.DropTable(
                name: "Requirements");

            migrationBuilder.DropTable(
                name: "Scenarios");

            migrationBuilder.DropTable(
                name: "Sectors");

            migrationBuilder.DropTable(
                name: "SignInThrottles");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Pledges");

            migrationBuilder.DropTable(
                name: "Missions");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "Actors");
        }
    }
}
