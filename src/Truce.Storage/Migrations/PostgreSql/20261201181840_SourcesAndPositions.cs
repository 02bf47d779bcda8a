using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Truce.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SourcesAndPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "PledgeSources",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "PledgeSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "PledgeSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "MemberSources",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "MemberSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "MemberSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "MeetingSources",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "MeetingSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "MeetingSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "AgreementSources",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "AgreementSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "AgreementSources",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Outlet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Body = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BodyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationIssues",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Minimum = table.Column<long>(type: "bigint", nullable: true),
                    Maximum = table.Column<long>(type: "bigint", nullable: true),
                    Parties = table.Column<List<string>>(type: "text[]", nullable: false),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationIssues", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    SpeakerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ActorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    MemberCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    PledgeId = table.Column<int>(type: "integer", nullable: true),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Quantity = table.Column<long>(type: "bigint", nullable: true),
                    Unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true, collation: "C"),
                    Conditions = table.Column<List<string>>(type: "text[]", nullable: false),
                    IssueCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    PartyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    MadePledgeId = table.Column<int>(type: "integer", nullable: true),
                    MadePositionId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentStatements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    SpeakerStart = table.Column<int>(type: "integer", nullable: false),
                    SpeakerEnd = table.Column<int>(type: "integer", nullable: false),
                    SpeakerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ActorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    OnBehalfOf = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Cue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentStatements_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IssueOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Words = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    IssueCode = table.Column<string>(type: "character varying(64)", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueOptions_NegotiationIssues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "NegotiationIssues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    IssueCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Stance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    Preferred = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Acceptable = table.Column<List<string>>(type: "text[]", nullable: false),
                    RedLine = table.Column<List<string>>(type: "text[]", nullable: false),
                    PreferredValue = table.Column<long>(type: "bigint", nullable: true),
                    Low = table.Column<long>(type: "bigint", nullable: true),
                    High = table.Column<long>(type: "bigint", nullable: true),
                    RefusesBelow = table.Column<long>(type: "bigint", nullable: true),
                    RefusesAbove = table.Column<long>(type: "bigint", nullable: true),
                    Illustrative = table.Column<List<string>>(type: "text[]", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MarkingScope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positions_NegotiationIssues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "NegotiationIssues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PositionSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Publisher = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Quote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DocumentId = table.Column<long>(type: "bigint", nullable: true),
                    Start = table.Column<int>(type: "integer", nullable: true),
                    End = table.Column<int>(type: "integer", nullable: true),
                    PositionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PositionSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PositionSources_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_DocumentId",
                table: "Candidates",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_State_Id",
                table: "Candidates",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentStatements_ActorCode",
                table: "DocumentStatements",
                column: "ActorCode");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentStatements_DocumentId",
                table: "DocumentStatements",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_BodyHash",
                table: "Documents",
                column: "BodyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Date",
                table: "Documents",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_IssueOptions_IssueCode",
                table: "IssueOptions",
                column: "IssueCode");

            migrationBuilder.CreateIndex(
                name: "IX_PositionSources_PositionId",
                table: "PositionSources",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_IssueCode",
                table: "Positions",
                column: "IssueCode");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_PartyCode_IssueCode_AsOf_MarkingScope",
                table: "Positions",
                columns: new[] { "PartyCode", "IssueCode", "AsOf", "MarkingScope" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropTable(
                name: "DocumentStatements");

            migrationBuilder.DropTable(
                name: "IssueOptions");

            migrationBuilder.DropTable(
                name: "PositionSources");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "NegotiationIssues");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "PledgeSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "PledgeSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "PledgeSources");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "MemberSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "MemberSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "MemberSources");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "MeetingSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "MeetingSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "MeetingSources");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "AgreementSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "AgreementSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "AgreementSources");
        }
    }
}
