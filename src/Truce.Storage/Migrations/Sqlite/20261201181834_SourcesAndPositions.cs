using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SourcesAndPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "PledgeSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "PledgeSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "PledgeSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "MemberSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "MemberSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "MemberSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "MeetingSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "MeetingSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "MeetingSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentId",
                table: "AgreementSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "End",
                table: "AgreementSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Start",
                table: "AgreementSources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationIssues",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Minimum = table.Column<long>(type: "INTEGER", nullable: true),
                    Maximum = table.Column<long>(type: "INTEGER", nullable: true),
                    Parties = table.Column<string>(type: "TEXT", nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationIssues", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeakerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MemberCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    IssueCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PartyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MadePledgeId = table.Column<int>(type: "INTEGER", nullable: true),
                    MadePositionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentStatements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeakerStart = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeakerEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeakerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OnBehalfOf = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Cue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "IssueOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Words = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssueCode = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueOptions_NegotiationIssues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "NegotiationIssues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssueCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Preferred = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Acceptable = table.Column<string>(type: "TEXT", nullable: false),
                    RedLine = table.Column<string>(type: "TEXT", nullable: false),
                    PreferredValue = table.Column<long>(type: "INTEGER", nullable: true),
                    Low = table.Column<long>(type: "INTEGER", nullable: true),
                    High = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusesBelow = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusesAbove = table.Column<long>(type: "INTEGER", nullable: true),
                    Illustrative = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MarkingScope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MarkingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkingOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MarkingRelTo = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positions_NegotiationIssues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "NegotiationIssues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PositionSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Start = table.Column<int>(type: "INTEGER", nullable: true),
                    End = table.Column<int>(type: "INTEGER", nullable: true),
                    PositionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PositionSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PositionSources_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_DocumentId",
                table: "Candidates",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_State_Id",
                table: "Candidates",
                columns: new[] { "State", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_IssueOptions_IssueCode",
                table: "IssueOptions",
                column: "IssueCode");

            migrationBuilder.CreateIndex(
                name: "IX_PositionSources_PositionId",
                table: "PositionSources",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_IssueCode",
                table: "Positions",
                column: "IssueCode");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_PartyCode_IssueCode_AsOf_MarkingScope",
                table: "Positions",
                columns: new[] { "PartyCode", "IssueCode", "AsOf", "MarkingScope" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropTable(
                name: "DocumentStatements");

            migrationBuilder.DropTable(
                name: "IssueOptions");

            migrationBuilder.DropTable(
                name: "PositionSources");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "NegotiationIssues");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "PledgeSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "PledgeSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "PledgeSources");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "MemberSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "MemberSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "MemberSources");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "MeetingSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "MeetingSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "MeetingSources");

            migrationBuilder.DropColumn(
                name: "DocumentId",
                table: "AgreementSources");

            migrationBuilder.DropColumn(
                name: "End",
                table: "AgreementSources");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "AgreementSources");
        }
    }
}
