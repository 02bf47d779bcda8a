using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObservationWorstVerdict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_IsCurrent_ObservedFrom_Lon_Lat",
                table: "Observations");

            migrationBuilder.AddColumn<string>(
                name: "Worst",
                table: "Observations",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Observations taken in before this migration: their worst verdict from their stored findings.
            migrationBuilder.Sql("""
                UPDATE "Observations" SET "Worst" = CASE
                    WHEN EXISTS (SELECT 1 FROM "ObservationFindings" f WHERE f."ObservationId" = "Observations"."Id" AND f."Verdict" = 'Violation') THEN 'Violation'
                    WHEN EXISTS (SELECT 1 FROM "ObservationFindings" f WHERE f."ObservationId" = "Observations"."Id" AND f."Verdict" = 'Undetermined') THEN 'Undetermined'
                    WHEN EXISTS (SELECT 1 FROM "ObservationFindings" f WHERE f."ObservationId" = "Observations"."Id") THEN 'NotAViolation'
                    ELSE 'None' END
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Observations_IsCurrent_ObservedFrom_Lon_Lat_Worst",
                table: "Observations",
                columns: new[] { "IsCurrent", "ObservedFrom", "Lon", "Lat", "Worst" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_IsCurrent_ObservedFrom_Lon_Lat_Worst",
                table: "Observations");

            migrationBuilder.DropColumn(
                name: "Worst",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_IsCurrent_ObservedFrom_Lon_Lat",
                table: "Observations",
                columns: new[] { "IsCurrent", "ObservedFrom", "Lon", "Lat" });
        }
    }
}
