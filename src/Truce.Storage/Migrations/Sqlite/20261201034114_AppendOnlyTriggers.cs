using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppendOnlyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The database itself refuses to rewrite history: raw SQL cannot quietly change or remove an audit
            // entry or a pledge's revision. (An owner of the file can drop the triggers; audit verify sees that.)
            foreach (var table in new[] { "AuditEntries", "PledgeRevisions" })
            {
                foreach (var act in new[] { "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{table}_no_{act.ToLowerInvariant()}" BEFORE {act} ON "{table}"
                        BEGIN SELECT RAISE(ABORT, '{table} are append-only: {act} refused'); END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "AuditEntries", "PledgeRevisions" })
            {
                foreach (var act in new[] { "update", "delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_no_{act}\";");
                }
            }
        }
    }
}
