using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Core.Sources;
using Truce.Storage.Security;

namespace Truce.Storage.Sources;

/// <summary>
/// Documents taken in and read back. Taking one in reads its text (<see cref="DocumentRules"/>), finds its
/// statements against the actors the writer may see at the document's date, and keeps both — or, when the same
/// body is already kept, changes nothing and answers with that document. Audited as an act. The watchers
/// (<see cref="IDocumentWatcher"/>: the candidates for analysts) hear of it in the same transaction.
/// </summary>
public sealed class DocumentBook(TruceDb db, TimeProvider clock, AuditTrail audit, IEnumerable<IDocumentWatcher> watchers)
{
    /// <returns>The document's id, and whether it was new.</returns>
    public async Task<Outcome<(long Id, bool New)>> AddAsync(Principal writer, DocumentInput input, CancellationToken ct = default)
    {
        if (AllowedRoles.RecordSources.Check(writer, "take documents in") is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var document = DocumentRules.Read(input, errors);
        var marking = await MarkingChecks.ReadAsync(db, input.Marking ?? new MarkingInput { Level = "coalition" }, writer.MemberCode ?? string.Empty, writer, errors, ct);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        using var reading = db.ReadAs(writer);
        var hash = document!.BodyHash;
        if (await db.ExistsUnfilteredAsync<SourceDocument>(d => d.BodyHash == hash, "is this text already kept", ct))
        {
            var kept = await db.Documents.AsNoTracking().Where(d => d.BodyHash == hash).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
            return kept is { } id
                ? Outcome.Done((id, false))
                : Outcome.Conflict("This text is already kept under a marking you may not read.");
        }

        var directory = new ActorDirectory(await db.Actors.AsNoTracking().ToListAsync(ct));
        document.Statements = [.. StatementExtractor.Extract(document.Body, document.Date, directory).Select(DocumentStatement.Of)];
        document.Marking = marking!;
        document.AddedAt = clock.GetUtcNow();
        document.AddedBy = writer.Name;
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (transaction)
        {
            db.Documents.Add(document);
            audit.Append(writer, "document.added", "document/new", detail: $"{document.Title} ({document.Outlet}, {document.Date:yyyy-MM-dd}): {document.Statements.Count} statements; sha256 {hash} ({document.Marking})");
            await db.SaveChangesAsync(ct);
            foreach (var watcher in watchers)
            {
                await watcher.TakenInAsync(writer, document, ct);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }

        db.ChangeTracker.Clear();
        return Outcome.Done((document.Id, true));
    }

    /// <summary>The documents the reader may see, newest first, with how many statements each holds.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(Principal reader, int limit = 200, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return await db.Documents.AsNoTracking()
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .Take(Math.Clamp(limit, 1, 1000))
            .Select(d => new DocumentSummary(d.Id, d.Title, d.Outlet, d.Date, d.Statements.Count, d.Marking.ToString()))
            .ToListAsync(ct);
    }

    public async Task<SourceDocument?> GetAsync(Principal reader, long id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        document?.Statements.Sort((a, b) => a.Start.CompareTo(b.Start));
        return document;
    }
}

/// <summary>A line of the documents' list.</summary>
public sealed record DocumentSummary(long Id, string Title, string? Outlet, DateOnly Date, int Statements, string Marking);
