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
            migrationBuilder.CreateTable(
                name: "PledgeViews",
                columns: table => new
                {
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
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

            // Pledges stored before this migration are read as the snapshot of their current version, less the
            // member's name (each reader gets it as they may see it).
            migrationBuilder.Sql("INSERT INTO \"PledgeViews\" (\"PledgeId\", \"Json\") SELECT p.\"Id\", json_set(r.\"SnapshotJson\", '$.memberName', NULL) FROM \"Pledges\" AS p JOIN \"PledgeRevisions\" AS r ON r.\"PledgeId\" = p.\"Id\" AND r.\"Version\" = p.\"Version\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PledgeViews");
        }
    }
}
