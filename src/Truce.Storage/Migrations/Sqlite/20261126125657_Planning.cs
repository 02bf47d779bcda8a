using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Planning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CapabilityCode",
                table: "Pledges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UnitSize",
                table: "Pledges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Capabilities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonnelPerUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    Equipment = table.Column<string>(type: "TEXT", nullable: true),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Capabilities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Missions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Missions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Scenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SettingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sectors",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InUkraine = table.Column<bool>(type: "INTEGER", nullable: false),
                    NearFrontLine = table.Column<bool>(type: "INTEGER", nullable: false),
                    Maritime = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sectors", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Requirements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissionCode = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CapabilityCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WindowStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_MissionCode_Code",
                table: "Requirements",
                columns: new[] { "MissionCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scenarios_Name",
                table: "Scenarios",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Capabilities");

            migrationBuilder.DropTable(
                name: "Requirements");

            migrationBuilder.DropTable(
                name: "Scenarios");

            migrationBuilder.DropTable(
                name: "Sectors");

            migrationBuilder.DropTable(
                name: "Missions");

            migrationBuilder.DropColumn(
                name: "CapabilityCode",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "UnitSize",
                table: "Pledges");
        }
    }
}
