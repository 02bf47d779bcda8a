using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Monitoring.Files;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Agreements;
using Truce.Storage.Security;

namespace Truce.Storage.Monitoring;

/// <summary>
/// What became of a batch or file: how many rows were read, and each row's fate. When it was taken whole or not
/// at all and a row was rejected, nothing was written and <see cref="Committed"/> is false.
/// </summary>
public sealed record IntakeSummary(int Read, int Accepted, int Unchanged, int Revised, int Withdrawn, int Rejected, IReadOnlyList<Rejection> Rejections, string BatchHash, bool Committed);

/// <summary>Whether one bad row refuses the whole batch (the default, decision 27) or only itself (decision 28).</summary>
public enum IntakeMode
{
    WholeOrNothing,
    AcceptValid,
}

/// <summary>
/// Takes observations in: every row checked (<see cref="ObservationRules"/>, and its marking by
/// <see cref="MarkingChecks"/>), and the batch taken whole or not at all — one bad row refuses the batch, with
/// every bad row named, so nothing is half written and a feed can resend the corrected batch as it is — or,
/// when asked, the good rows taken and the bad named. A row already held with the same content is unchanged
/// (re-sending changes nothing); with new content it is a new version; a withdrawn row retires its report.
/// Each new version is placed with the geography in force at its time and judged against the provisions in
/// force (<see cref="Adjudication"/>). One transaction and one audit entry per batch, with the batch's hash.
/// </summary>
/// <remarks>
/// A file of a million rows streams through in chunks and three stages — read and check; place and judge (with
/// its own scope and connection, reading layers and agreements already committed); decide and write through the
/// store's bulk path (<see cref="ObservationStore"/>) — so the stages run side by side and memory stays bounded
/// by a few chunks whatever the file's size. The audit entry is appended last, so on PostgreSQL the audit chain's lock is
/// held only for the moment before the commit, not for the import.
/// </remarks>
public sealed class ObservationIntake(TruceDb db, TimeProvider clock, AuditTrail audit, IServiceScopeFactory scopes)
{
    /// <summary>The most rows one request may carry; larger files go through <see cref="ImportAsync"/>.</summary>
    public const int MaxBatch = 10_000;

    /// <summary>Rows per chunk: large enough that a chunk's round trips vanish, small enough to keep memory flat.</summary>
    private const int ChunkSize = 2_000;

    /// <summary>A batch from the API or the monitor's form: whole or not at all, errors named <c>observations[i].field</c>.</summary>
    public async Task<Outcome<IntakeSummary>> SubmitAsync(Principal writer, IReadOnlyList<ObservationInput?> batch, CancellationToken ct = default)
    {
        if (batch.Count == 0 || batch.Count > MaxBatch)
        {
            return AllowedRoles.SubmitObservations.Check(writer, "submit observations") is { } refused
                ? refused
                : Outcome.Invalid("observations", $"From 1 to {MaxBatch.ToString("N0", CultureInfo.InvariantCulture)} observations in one batch; got {batch.Count.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        var rows = batch.Select((input, i) => new FileRow { Row = i + 1, Input = input, Locate = field => ($"observations[{i}].{field}", null) });
        var done = await ImportAsync(writer, rows, IntakeMode.WholeOrNothing, ct: ct);
        if (!done.IsDone || done.Value.Committed)
        {
            return done;
        }

        var errors = new ValidationErrors();
        foreach (var rejection in done.Value.Rejections)
        {
            errors.Add(rejection.Column, rejection.Reason);
        }

        return Outcome.Invalid(errors);
    }

    /// <summary>
    /// An uploaded file (the API's body, the page's upload): kept in a temporary file while it is read, since
    /// a UCDP file is read twice (once for the order of its slash dates), then deleted.
    /// </summary>
    public async Task<Outcome<IntakeSummary>> ImportFileAsync(Principal writer, Stream content, ObservationFormat format, IntakeMode mode, CancellationToken ct = default)
    {
        if (AllowedRoles.SubmitObservations.Check(writer, "submit observations") is { } refused)
        {
            return refused;
        }

        var path = Path.Combine(Path.GetTempPath(), $"truce-upload-{Guid.NewGuid():N}");
        try
        {
            await using (var copy = File.Create(path))
            {
                await content.CopyToAsync(copy, ct);
            }

            return await ImportAsync(writer, ObservationFiles.Read(() => ObservationFiles.Open(path), format), mode, ct: ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Rows from a file or feed, of any number, read once; <paramref name="progress"/> hears the rows read so far.</summary>
    public async Task<Outcome<IntakeSummary>> ImportAsync(Principal writer, IEnumerable<FileRow> rows, IntakeMode mode, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (AllowedRoles.SubmitObservations.Check(writer, "submit observations") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var now = clock.GetUtcNow().UtcDateTime;
        var tally = new Tally();
        var batchHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Three stages with a few chunks between each at most: read and check, place and judge, decide and write.
        var read = Channel.CreateBounded<Checked[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var judged = Channel.CreateBounded<Checked[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var judgingScope = scopes.CreateAsyncScope();
        var judging = await Judging.StartAsync(judgingScope.ServiceProvider, writer, stop.Token);
        var reader = Task.Run(() => ReadAsync(rows, read.Writer, stop.Token), stop.Token);
        var judge = Task.Run(() => JudgeAsync(judging, read.Reader, judged.Writer, mode, stop.Token), stop.Token);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var store = ObservationStore.For(db);
            await foreach (var chunk in judged.Reader.ReadAllAsync(ct))
            {
                tally.Read += chunk.Length;
                foreach (var row in chunk)
                {
                    tally.Rejections.AddRange(row.Rejections);
                    if (row.Rejections.Count == 0)
                    {
                        batchHash.AppendData(Encoding.UTF8.GetBytes(row.Withdraws ? $"withdraw {row.Observation!.Source} {row.Observation.ExternalId}\n" : row.Observation!.ContentHash + "\n"));
                    }
                }

                // Once a row is refused in a whole-or-nothing batch nothing more is written, but the rest is still
                // read, so every bad row is named at once.
                if (mode == IntakeMode.AcceptValid || tally.Rejections.Count == 0)
                {
                    await WriteAsync(store, [.. chunk.Where(r => r.Rejections.Count == 0)], writer, now, tally, ct);
                }

                progress?.Report(tally.Read);
            }

            await Task.WhenAll(reader, judge);
            var summaryHash = Convert.ToHexStringLower(batchHash.GetHashAndReset());
            var rejected = tally.Rejections.Select(r => r.Row).Distinct().Count();
            if (mode == IntakeMode.WholeOrNothing && rejected > 0)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return Outcome.Done(new IntakeSummary(tally.Read, 0, 0, 0, 0, rejected, tally.Rejections, summaryHash, Committed: false));
            }

            var summary = new IntakeSummary(tally.Read, tally.Accepted, tally.Unchanged, tally.Revised, tally.Withdrawn, rejected, tally.Rejections, summaryHash, Committed: true);
            audit.Append(writer, "observations.submitted", $"observations/{summaryHash[..16]}",
                detail: $"batch {summaryHash}: {summary.Read} read, {summary.Accepted} new, {summary.Revised} revised, {summary.Unchanged} unchanged, {summary.Withdrawn} withdrawn, {rejected} rejected");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(CancellationToken.None);
            await TellWatchersAsync(tally);
            return Outcome.Done(summary);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(reader, judge).ContinueWith(_ => { }, TaskScheduler.Default);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A row read and checked, with what it says as an observation (its content hash set) when it says anything.</summary>
    private sealed record Checked(int Row, Observation? Observation, bool Withdraws, List<Rejection> Rejections, Func<string, (string Column, string? Value)> Locate);

    private sealed class Tally
    {
        public int Read { get; set; }

        public int Accepted { get; set; }

        public int Unchanged { get; set; }

        public int Revised { get; set; }

        public int Withdrawn { get; set; }

        public List<Rejection> Rejections { get; } = [];

        /// <summary>The types and sectors of the new versions written, each with its earliest and latest observed instant.</summary>
        public Dictionary<(EventType Type, string? Sector), (DateTimeOffset From, DateTimeOffset To)> Touched { get; } = [];

        public void Touch(Observation o) =>
            Touched[(o.Type, o.SectorCode)] = Touched.TryGetValue((o.Type, o.SectorCode), out var span)
                ? (o.ObservedFrom < span.From ? o.ObservedFrom : span.From, o.ObservedFrom > span.To ? o.ObservedFrom : span.To)
                : (o.ObservedFrom, o.ObservedFrom);
    }

    /// <summary>
    /// Tells the watchers (alerts: <see cref="IIntakeWatcher"/>) what the committed batch added, on a scope of
    /// their own. Not cancelled with the request: the batch is stored, so what it raises must be raised.
    /// </summary>
    private async Task TellWatchersAsync(Tally tally)
    {
        if (tally.Touched.Count == 0)
        {
            return;
        }

        var touched = tally.Touched.Select(t => new IntakeTouch(t.Key.Type, t.Key.Sector, t.Value.From, t.Value.To)).ToList();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var watcher in scope.ServiceProvider.GetServices<IIntakeWatcher>())
        {
            await watcher.CommittedAsync(touched, CancellationToken.None);
        }
    }

    private static async Task ReadAsync(IEnumerable<FileRow> rows, ChannelWriter<Checked[]> chunks, CancellationToken ct)
    {
        try
        {
            foreach (var chunk in rows.Chunk(ChunkSize))
            {
                await chunks.WriteAsync(Array.ConvertAll(chunk, Check), ct);
            }

            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
        }
    }

    /// <summary>The second stage: each good row's marking checked, then placed and judged at its time.</summary>
    private static async Task JudgeAsync(Judging judging, ChannelReader<Checked[]> read, ChannelWriter<Checked[]> judged, IntakeMode mode, CancellationToken ct)
    {
        try
        {
            var refused = false;
            await foreach (var chunk in read.ReadAllAsync(ct))
            {
                foreach (var row in chunk.Where(r => r.Observation is not null && !r.Withdraws))
                {
                    await judging.CheckMarkingAsync(row, ct);
                    refused |= row.Rejections.Count > 0;
                    if (row.Rejections.Count == 0 && !(refused && mode == IntakeMode.WholeOrNothing))
                    {
                        await judging.PlaceAndJudgeAsync(row.Observation!, ct);
                    }
                }

                refused |= Array.Exists(chunk, r => r.Rejections.Count > 0);
                await judged.WriteAsync(chunk, ct);
            }

            judged.Complete();
        }
        catch (Exception e)
        {
            judged.Complete(e);
        }
    }

    /// <summary>Checks one row by the rules, naming each error in the row's own terms.</summary>
    private static Checked Check(FileRow row)
    {
        var rejections = new List<Rejection>(row.Rejections);
        if (row.Input is not { } input)
        {
            if (rejections.Count == 0)
            {
                rejections.Add(new Rejection(row.Row, row.Locate("row").Column, "Empty: expected an observation.", null));
            }

            return new Checked(row.Row, null, row.Withdraws, rejections, row.Locate);
        }

        var errors = new ValidationErrors();
        Observation? observation;
        if (row.Withdraws)
        {
            observation = ObservationRules.ReadKey(input, errors);
        }
        else
        {
            observation = ObservationRules.Read(input, errors);
            observation?.ContentHash = ContentHash(input);
        }

        // A cell that could not be read was left empty and is already named; the rules would only call it missing.
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var (column, value) = row.Locate(field);
            if (!row.Rejections.Exists(r => r.Column == column))
            {
                rejections.AddRange(messages.Select(m => new Rejection(row.Row, column, m, value)));
            }
        }

        return new Checked(row.Row, rejections.Count == 0 ? observation : null, row.Withdraws, rejections, row.Locate);
    }

    /// <summary>The third stage: each good row's fate decided against what is held, and the new versions written.</summary>
    private static async Task WriteAsync(ObservationStore store, List<Checked> good, Principal writer, DateTime now, Tally tally, CancellationToken ct)
    {
        var latest = await store.LatestAsync(good.Select(r => (r.Observation!.Source, r.Observation.ExternalId)).Distinct().ToList(), ct);
        var pending = new Dictionary<(string, string), Observation>();
        var added = new List<Observation>();
        var retired = new List<long>();
        foreach (var row in good)
        {
            var o = row.Observation!;
            var key = (o.Source, o.ExternalId);

            // A row named twice in one file counts as sent twice in its order: the earlier is the one held.
            var held = pending.GetValueOrDefault(key);
            var stored = held is null ? latest.GetValueOrDefault(key) : null;
            var (heldCurrent, heldHash, heldVersion) = held is not null ? (held.IsCurrent, held.ContentHash, held.Version)
                : stored is not null ? (stored.IsCurrent, stored.ContentHash, stored.Version)
                : (false, null, 0);
            if (row.Withdraws)
            {
                if (!heldCurrent)
                {
                    tally.Unchanged++;
                    continue;
                }

                Retire();
                tally.Withdrawn++;
                continue;
            }

            if (heldCurrent && heldHash == o.ContentHash)
            {
                tally.Unchanged++;
                continue;
            }

            if (heldVersion > 0)
            {
                Retire();
                tally.Revised++;
            }
            else
            {
                tally.Accepted++;
            }

            o.Version = heldVersion + 1;
            tally.Touch(o);
            o.ReceivedAtUtc = now;
            o.ReceivedBy = writer.Name;
            pending[key] = o;
            added.Add(o);

            void Retire()
            {
                if (held is not null)
                {
                    held.IsCurrent = false;
                }
                else if (stored is { IsCurrent: true })
                {
                    retired.Add(stored.Id);
                    latest[key] = stored with { IsCurrent = false };
                }
            }
        }

        var ids = await store.IdsAsync(added.Count, ct);
        for (var i = 0; i < added.Count; i++)
        {
            added[i].Id = ids[i];
        }

        await store.WriteAsync(added, retired, ct);
    }

    /// <summary>
    /// The second stage's state and services, from a scope of its own so it reads (layers, agreements, members)
    /// on its own connection beside the writer's transaction. Read once and reused for every row: the agreements
    /// that have taken effect, each provision's zones prepared for judging, a placer per day and set of
    /// agreements in force, each marking's check — a million rows ask the store a few hundred times.
    /// </summary>
    private sealed class Judging(IServiceProvider services, Principal reader, IReadOnlyList<Agreement> agreements)
    {
        private readonly Dictionary<(string, int), IReadOnlyList<(Zone Zone, PreparedZone Prepared)>> _zones = [];
        private readonly Dictionary<string, Placer> _placers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(string Field, string Reason)>> _markings = new(StringComparer.Ordinal);
        private readonly TruceDb _db = services.GetRequiredService<TruceDb>();

        public static async Task<Judging> StartAsync(IServiceProvider services, Principal reader, CancellationToken ct) =>
            new(services, reader, await services.GetRequiredService<AgreementBook>().TakenEffectAsync(reader, ct));

        /// <summary>The one marking check (<see cref="MarkingChecks"/>), once per distinct marking in the batch.</summary>
        public async Task CheckMarkingAsync(Checked row, CancellationToken ct)
        {
            var marking = row.Observation!.Marking;
            var key = $"{marking.Level}|{marking.RelToList}|{marking.Owner}";
            if (!_markings.TryGetValue(key, out var problems))
            {
                var errors = new ValidationErrors();
                await MarkingChecks.CheckAsync(_db, marking, reader, errors, ct);
                problems = _markings[key] = [.. errors.ToDictionary().SelectMany(e => e.Value.Select(m => (e.Key, m)))];
            }

            foreach (var (field, reason) in problems)
            {
                var (column, value) = row.Locate(field);
                row.Rejections.Add(new Rejection(row.Row, column, reason, value));
            }
        }

        /// <summary>Places the observation with the layers valid at its time and judges it against every provision in force then.</summary>
        public async Task PlaceAndJudgeAsync(Observation o, CancellationToken ct)
        {
            // The agreements in force at either end of the window: one in force for part of it is judged undetermined.
            var inForce = agreements.Where(a => a.IsInForceAt(o.ObservedFrom) || a.IsInForceAt(o.ObservedTo)).ToList();
            var atStart = string.Join(',', inForce.Where(a => a.IsInForceAt(o.ObservedFrom)).Select(a => a.Key));
            var placerKey = $"{DateOnly.FromDateTime(o.ObservedFrom.UtcDateTime):yyyy-MM-dd}|{atStart}";
            if (!_placers.TryGetValue(placerKey, out var placer))
            {
                placer = _placers[placerKey] = (await services.GetRequiredService<Placements>().AtAsync(reader, o.ObservedFrom, ct)).Placer;
            }

            var place = placer.Locate(o.Lat, o.Lon);
            (o.Oblast, o.Raion, o.SectorCode, o.Side, o.LineDistanceKm) = (place.Oblast, place.Raion, place.Sector, place.Side, place.LineDistanceKm);

            // A disc is judged by its centre and its distance to the zone's edges; a bearing sector by its shape.
            var sector = o.Sector is { } s ? Footprint.Sector(o.Lat, o.Lon, s.FromBearing, s.ToBearing, s.MinMetres, s.MaxMetres) : null;
            var facts = new Dictionary<(string, int), IReadOnlyList<ZoneFact>>();
            foreach (var agreement in inForce)
            {
                foreach (var provision in agreement.Provisions)
                {
                    if (!_zones.TryGetValue((agreement.Key, provision.Number), out var drawn))
                    {
                        var provisionZones = await services.GetRequiredService<ProvisionZones>().OfAsync(reader, agreement, provision, ct);
                        drawn = _zones[(agreement.Key, provision.Number)] = [.. provisionZones.Select(z => (z, new PreparedZone(z.Area)))];
                    }

                    facts[(agreement.Key, provision.Number)] = drawn.Select(d => new ZoneFact(
                        d.Zone.Actor, d.Zone.WeaponClass, d.Zone.DistanceKm, d.Zone.Layer, provision.Baselines.Find(b => b.ActorCode == d.Zone.Actor)?.AsOf,
                        sector is null ? d.Prepared.AgainstDisc(o.Lat, o.Lon, o.RadiusMetres) : d.Prepared.Against(sector))).ToList();
                }
            }

            var where = place.Oblast is null ? null : $"oblast {place.Oblast}";
            o.Findings = Adjudication.Judge(o, inForce, (a, p) => facts[(a.Key, p.Number)], where, place.LineDistanceKm)
                .Select(f => new ObservationFinding { Agreement = f.Agreement, Provision = f.Provision, Verdict = f.Verdict, Reason = f.Reason }).ToList();
            o.Worst = Observation.WorstOf(o.Findings.Select(f => f.Verdict));
        }
    }

    /// <summary>SHA-256 of what the row reports, so a re-send of the same content, by any route, changes nothing.</summary>
    private static string ContentHash(ObservationInput input) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input, TruceJson.Options)));
}

