using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Truce.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Sources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Outlet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Body = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BodyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MarkingLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentStatements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    SpeakerStart = table.Column<int>(type: "integer", nullable: false),
                    SpeakerEnd = table.Column<int>(type: "integer", nullable: false),
                    SpeakerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ActorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    OnBehalfOf = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Cue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentStatements_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentStatements_ActorCode",
                table: "DocumentStatements",
                column: "ActorCode");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentStatements_DocumentId",
                table: "DocumentStatements",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_BodyHash",
                table: "Documents",
                column: "BodyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Date",
                table: "Documents",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentStatements");

            migrationBuilder.DropTable(
                name: "Documents");
        }
    }
}
