using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScopedUniqueNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scenarios_Name",
                table: "Scenarios");

            migrationBuilder.DropIndex(
                name: "IX_Requirements_MissionCode_Code",
                table: "Requirements");

            migrationBuilder.AddColumn<string>(
                name: "MarkingScope",
                table: "Scenarios",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MarkingScope",
                table: "Requirements",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // Lines and scenarios stored before this migration: their scope is their marking as people write it.
            foreach (var table in new[] { "Requirements", "Scenarios" })
            {
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "MarkingScope" = CASE "MarkingLevel"
                        WHEN 'Public' THEN 'PUBLIC'
                        WHEN 'Coalition' THEN 'COALITION'
                        WHEN 'RelTo' THEN 'REL TO ' || replace(trim("MarkingRelTo", '|'), '|', ', ')
                        ELSE 'NATIONAL ' || coalesce("MarkingOwner", '') END;
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_Name_MarkingScope",
                table: "Scenarios",
                columns: new[] { "Name", "MarkingScope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_MissionCode_Code_MarkingScope",
                table: "Requirements",
                columns: new[] { "MissionCode", "Code", "MarkingScope" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scenarios_Name_MarkingScope",
                table: "Scenarios");

            migrationBuilder.DropIndex(
                name: "IX_Requirements_MissionCode_Code_MarkingScope",
                table: "Requirements");

            migrationBuilder.DropColumn(
                name: "MarkingScope",
                table: "Scenarios");

            migrationBuilder.DropColumn(
                name: "MarkingScope",
                table: "Requirements");

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_Name",
                table: "Scenarios",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_MissionCode_Code",
                table: "Requirements",
                columns: new[] { "MissionCode", "Code" },
                unique: true);
        }
    }
}
