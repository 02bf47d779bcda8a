using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Truce.Storage.Migrations.PostgreSql
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ObservedFrom = table.Column<long>(type: "bigint", nullable: false),
                    ObservedTo = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    RadiusMetres = table.Column<double>(type: "double precision", nullable: false),
                    SectorFromBearing = table.Column<double>(type: "double precision", nullable: true),
                    SectorToBearing = table.Column<double>(type: "double precision", nullable: true),
                    SectorMinMetres = table.Column<double>(type: "double precision", nullable: true),
                    SectorMaxMetres = table.Column<double>(type: "double precision", nullable: true),
                    Weapon = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    CalibreMm = table.Column<int>(type: "integer", nullable: true),
                    Target = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    CasualtiesBest = table.Column<int>(type: "integer", nullable: true),
                    CasualtiesLow = table.Column<int>(type: "integer", nullable: true),
                    CasualtiesHigh = table.Column<int>(type: "integer", nullable: true),
                    Attachments = table.Column<string>(type: "character varying(3300)", maxLength: 3300, nullable: false),
                    Grading = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Oblast = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Raion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Side = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    LineDistanceKm = table.Column<double>(type: "double precision", nullable: true),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Observations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ObservationFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Agreement = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Provision = table.Column<int>(type: "integer", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    ObservationId = table.Column<long>(type: "bigint", nullable: false)
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
