using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ObservedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ObservedTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMetres = table.Column<double>(type: "REAL", nullable: false),
                    SectorFromBearing = table.Column<double>(type: "REAL", nullable: true),
                    SectorToBearing = table.Column<double>(type: "REAL", nullable: true),
                    SectorMinMetres = table.Column<double>(type: "REAL", nullable: true),
                    SectorMaxMetres = table.Column<double>(type: "REAL", nullable: true),
                    Weapon = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CalibreMm = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CasualtiesBest = table.Column<int>(type: "INTEGER", nullable: true),
                    CasualtiesLow = table.Column<int>(type: "INTEGER", nullable: true),
                    CasualtiesHigh = table.Column<int>(type: "INTEGER", nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", maxLength: 3300, nullable: false),
                    Grading = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Oblast = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Raion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Side = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LineDistanceKm = table.Column<double>(type: "REAL", nullable: true),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Observations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ObservationFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Agreement = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Provision = table.Column<int>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ObservationId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObservationFindings_Observations_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "Observations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ObservationFindings_ObservationId",
                table: "ObservationFindings",
                column: "ObservationId");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_IsCurrent_ObservedFrom_Lon_Lat",
                table: "Observations",
                columns: new[] { "IsCurrent", "ObservedFrom", "Lon", "Lat" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Source_ExternalId_Version",
                table: "Observations",
                columns: new[] { "Source", "ExternalId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObservationFindings");

            migrationBuilder.DropTable(
                name: "Observations");
        }
    }
}
