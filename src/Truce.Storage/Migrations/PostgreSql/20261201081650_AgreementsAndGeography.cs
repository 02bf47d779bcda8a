using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Truce.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AgreementsAndGeography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ProposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DurationDays = table.Column<int>(type: "integer", nullable: true),
                    ExtensionTerms = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    MarkingScope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LayerVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Licence = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FeatureCount = table.Column<int>(type: "integer", nullable: false),
                    Repairs = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MarkingScope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LayerVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExtendedByDays = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    AgreementId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementHistory_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OtherKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementLinks_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: true),
                    Conditions = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AgreementId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementParties_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AgreementId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementRoles_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Publisher = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Quote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AgreementId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSources_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Provisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Domains = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AreaText = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    TargetClasses = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Area = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    CompleteWithinDays = table.Column<int>(type: "integer", nullable: true),
                    MonitorCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Provisions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LayerFeatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LayerVersionId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    LeftParty = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    RightParty = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    PropertiesJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Geometry = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    MinLon = table.Column<double>(type: "double precision", nullable: false),
                    MinLat = table.Column<double>(type: "double precision", nullable: false),
                    MaxLon = table.Column<double>(type: "double precision", nullable: false),
                    MaxLat = table.Column<double>(type: "double precision", nullable: false),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LayerFeatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LayerFeatures_LayerVersions_LayerVersionId",
                        column: x => x.LayerVersionId,
                        principalTable: "LayerVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvisionBaselines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    LayerKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ProvisionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvisionBaselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvisionBaselines_Provisions_ProvisionId",
                        column: x => x.ProvisionId,
                        principalTable: "Provisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProvisionWithdrawals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WeaponClass = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DistanceKm = table.Column<double>(type: "double precision", nullable: false),
                    ActorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    ProvisionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvisionWithdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvisionWithdrawals_Provisions_ProvisionId",
                        column: x => x.ProvisionId,
                        principalTable: "Provisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementHistory_AgreementId",
                table: "AgreementHistory",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementLinks_AgreementId",
                table: "AgreementLinks",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParties_AgreementId",
                table: "AgreementParties",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRoles_AgreementId",
                table: "AgreementRoles",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSources_AgreementId",
                table: "AgreementSources",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Key_MarkingScope",
                table: "Agreements",
                columns: new[] { "Key", "MarkingScope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LayerFeatures_Geometry",
                table: "LayerFeatures",
                column: "Geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_LayerFeatures_LayerVersionId_Index",
                table: "LayerFeatures",
                columns: new[] { "LayerVersionId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LayerFeatures_LayerVersionId_MinLon_MaxLon_MinLat_MaxLat",
                table: "LayerFeatures",
                columns: new[] { "LayerVersionId", "MinLon", "MaxLon", "MinLat", "MaxLat" });

            migrationBuilder.CreateIndex(
                name: "IX_LayerVersions_Key_ValidFrom_MarkingScope",
                table: "LayerVersions",
                columns: new[] { "Key", "ValidFrom", "MarkingScope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProvisionBaselines_ProvisionId",
                table: "ProvisionBaselines",
                column: "ProvisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvisionWithdrawals_ProvisionId",
                table: "ProvisionWithdrawals",
                column: "ProvisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Provisions_AgreementId_Number",
                table: "Provisions",
                columns: new[] { "AgreementId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementHistory");

            migrationBuilder.DropTable(
                name: "AgreementLinks");

            migrationBuilder.DropTable(
                name: "AgreementParties");

            migrationBuilder.DropTable(
                name: "AgreementRoles");

            migrationBuilder.DropTable(
                name: "AgreementSources");

            migrationBuilder.DropTable(
                name: "LayerFeatures");

            migrationBuilder.DropTable(
                name: "ProvisionBaselines");

            migrationBuilder.DropTable(
                name: "ProvisionWithdrawals");

            migrationBuilder.DropTable(
                name: "LayerVersions");

            migrationBuilder.DropTable(
                name: "Provisions");

            migrationBuilder.DropTable(
                name: "Agreements");
        }
    }
}
