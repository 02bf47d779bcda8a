using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PledgeViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ViewJson",
                table: "Pledges",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Pledges stored before this migration read as the snapshot of their current version.
            migrationBuilder.Sql("UPDATE \"Pledges\" SET \"ViewJson\" = (SELECT r.\"SnapshotJson\" FROM \"PledgeRevisions\" AS r WHERE r.\"PledgeId\" = \"Pledges\".\"Id\" AND r.\"Version\" = \"Pledges\".\"Version\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ViewJson",
                table: "Pledges");
        }
    }
}
