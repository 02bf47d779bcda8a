using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LockedUntilUtc",
                table: "Users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MarkingLevel",
                table: "Pledges",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Coalition");

            migrationBuilder.AddColumn<string>(
                name: "MarkingOwner",
                table: "Pledges",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MarkingRelTo",
                table: "Pledges",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MarkingLevel",
                table: "Members",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Coalition");

            migrationBuilder.AddColumn<string>(
                name: "MarkingOwner",
                table: "Members",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MarkingRelTo",
                table: "Members",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MarkingLevel",
                table: "Meetings",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Coalition");

            migrationBuilder.AddColumn<string>(
                name: "MarkingOwner",
                table: "Meetings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MarkingRelTo",
                table: "Meetings",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Scopes",
                table: "ApiTokens",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "read pledges:write");

            migrationBuilder.AddColumn<string>(
                name: "MarkingLevel",
                table: "Actors",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Coalition");

            migrationBuilder.AddColumn<string>(
                name: "MarkingOwner",
                table: "Actors",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MarkingRelTo",
                table: "Actors",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BeforeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AfterHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action",
                table: "AuditEntries",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Seq",
                table: "AuditEntries",
                column: "Seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "LockedUntilUtc",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "MarkingLevel",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "MarkingOwner",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "MarkingRelTo",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "MarkingLevel",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "MarkingOwner",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "MarkingRelTo",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "MarkingLevel",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MarkingOwner",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MarkingRelTo",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Scopes",
                table: "ApiTokens");

            migrationBuilder.DropColumn(
                name: "MarkingLevel",
                table: "Actors");

            migrationBuilder.DropColumn(
                name: "MarkingOwner",
                table: "Actors");

            migrationBuilder.DropColumn(
                name: "MarkingRelTo",
                table: "Actors");
        }
    }
}
