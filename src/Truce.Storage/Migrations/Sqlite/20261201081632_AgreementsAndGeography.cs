using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DurationDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionTerms = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkingScope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LayerVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Licence = table.Column<string>(type: "TEXT", nullable: true),
                    FeatureCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Repairs = table.Column<string>(type: "TEXT", nullable: true),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MarkingScope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LayerVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExtendedByDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OtherKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", nullable: true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", nullable: true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    Domains = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AreaText = table.Column<string>(type: "TEXT", nullable: true),
                    TargetClasses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Area = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CompleteWithinDays = table.Column<int>(type: "INTEGER", nullable: true),
                    MonitorCode = table.Column<string>(type: "TEXT", nullable: true),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LayerVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LeftParty = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RightParty = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PropertiesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Geometry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MinLon = table.Column<double>(type: "REAL", nullable: false),
                    MinLat = table.Column<double>(type: "REAL", nullable: false),
                    MaxLon = table.Column<double>(type: "REAL", nullable: false),
                    MaxLat = table.Column<double>(type: "REAL", nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LayerKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProvisionId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WeaponClass = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    ActorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProvisionId = table.Column<int>(type: "INTEGER", nullable: false)
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
