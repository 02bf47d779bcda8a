using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Monitoring;
using Truce.Testing;

namespace Truce.Storage.Tests.Monitoring;

/// <summary>
/// The demo's observations (data/demo/observations.ndjson) and the generator that makes them: the file reads,
/// every row passes the rules, and on the demo scenario each hand-placed case gets the finding it was placed
/// for, with the reason a monitor would sign; the generator gives the same rows for the same seed and the
/// share of bad rows asked, each refused for the rule it breaks.
/// </summary>
public sealed class DemoObservationsTests
{
    // A British monitor: some generated rows are REL TO GBR, FRA, and a writer must be able to read what they mark.
    private static readonly Principal Monitor = new("monitor", Role.Monitor, "GBR");

    private static string DemoFile => Path.Combine(AppContext.BaseDirectory, "data", "demo", "observations.ndjson");

    private static List<ObservationInput> ReadDemoFile() =>
        File.ReadLines(DemoFile).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ObservationInput>(l, TruceJson.Options)!).ToList();

    [Fact]
    public void The_demo_file_reads_and_every_row_passes_the_rules()
    {
        var rows = ReadDemoFile();

        Assert.InRange(rows.Count, 300, 600);
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var errors = new ValidationErrors();
            Assert.True(ObservationRules.Read(row, errors) is not null, $"row {i + 1} ({row.ExternalId}): {errors}");
        }

        Assert.Equal(rows.Count, rows.Select(r => (r.Source, r.ExternalId)).Distinct().Count());
    }

    [Fact]
    public void The_demo_file_is_what_the_generator_writes()
    {
        var file = ReadDemoFile();
        var generated = ObservationGenerator.Demo().ToList();

        Assert.Equal(generated.Count, file.Count);
        for (var i = 0; i < file.Count; i++)
        {
            var (f, g) = (file[i], generated[i]);
            Assert.Equal((g.Source, g.ExternalId, g.Type, g.ObservedFrom, g.ObservedTo, g.Weapon, g.Target), (f.Source, f.ExternalId, f.Type, f.ObservedFrom, f.ObservedTo, f.Weapon, f.Target));
            Assert.Equal(g.Lat!.Value, f.Lat!.Value, 1e-4);
            Assert.Equal(g.Lon!.Value, f.Lon!.Value, 1e-4);
        }
    }

    [Fact]
    public async Task Each_hand_placed_case_gets_the_finding_it_was_placed_for()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var rows = ReadDemoFile();

        var summary = Expect.Done(await db.With(s => s.GetRequiredService<ObservationIntake>().SubmitAsync(Monitor, rows.ToArray<ObservationInput?>())));
        var stored = (await db.With(s => s.GetRequiredService<ObservationReads>().ListAsync(TestDatabase.TestRunner, null, null, null, limit: ObservationReads.MaxLimit)))
            .ToDictionary(o => o.ExternalId, StringComparer.Ordinal);

        Assert.Equal(rows.Count, summary.Accepted);
        var wrong = new List<string>();
        void Check(string id, string agreement, int provision, string verdict, params string[] reasonHolds)
        {
            var finding = stored[id].Findings.SingleOrDefault(f => f.Agreement == agreement && f.Provision == provision);
            if (finding is null)
            {
                wrong.Add($"{id}: no finding of {agreement}/{provision}");
            }
            else if (finding.Verdict != verdict || !reasonHolds.All(r => finding.Reason.Contains(r, StringComparison.Ordinal)))
            {
                wrong.Add($"{id}: {agreement}/{provision} {finding.Verdict}: {finding.Reason}");
            }
        }

        void None(string id, string agreement)
        {
            if (stored[id].Findings.FirstOrDefault(f => f.Agreement == agreement) is { } finding)
            {
                wrong.Add($"{id}: unexpected finding of {agreement}/{finding.Provision} {finding.Verdict}: {finding.Reason}");
            }
        }

        const string Ukraines = "(UKR; baseline: the line of contact as of 15 Feb 2015)";
        const string Formations = "(donbas-formations; baseline: the minsk memorandum line as of 19 Sep 2014)";

        // Minsk II, point 2: artillery of 100 mm and more 25 km back on each side (a 50 km security zone), within 14 days.
        Check("case-minsk-152mm-after-withdrawal", "minsk-ii", 2, "violation", "152 mm artillery seen 23 km from the line of contact, inside the 25 km zone", Ukraines);
        Check("case-minsk-152mm-during-withdrawal", "minsk-ii", 2, "not-a-violation", "inside the 25 km zone", Ukraines, "the withdrawal had until 28 Feb 2015 to be complete");
        Check("case-minsk-152mm-far-back", "minsk-ii", 2, "not-a-violation", "152 mm artillery seen 60 km from the line of contact, outside every zone of Package of Measures, point 2");
        Check("case-minsk-mlrs-in-70km-zone", "minsk-ii", 2, "violation", "122 mm mlrs seen", "inside the 35 km zone", Formations);
        Check("case-minsk-sector-across-zone-border", "minsk-ii", 2, "undetermined", "seen 20 km from the line of contact: the area it may have been in crosses the border of the 25 km zone", Ukraines);
        Check("case-minsk-122mm-formations-side", "minsk-ii", 2, "violation", "122 mm artillery seen", "inside the 25 km zone", Formations);
        Check("case-minsk-smerch-in-140km-zone", "minsk-ii", 2, "violation", "300 mm heavy mlrs seen 55 km from the line of contact, inside the 70 km zone", Ukraines);

        // Minsk II, points 1 and 3: the ceasefire and the monitors' freedom of movement.
        Check("case-minsk-restriction-of-movement", "minsk-ii", 3, "violation", "The monitors' movement was restricted on 14 Jul 2015.");
        Check("case-minsk-restriction-of-movement", "minsk-ii", 1, "not-a-violation", "not an act of hostilities");
        Check("case-minsk-mortar-fire", "minsk-ii", 1, "violation", "on 17 Aug 2015, during the ceasefire of Package of Measures for the Implementation of the Minsk Agreements (Minsk II) in force since 14 Feb 2015");
        Check("case-minsk-mortar-fire", "minsk-ii", 2, "not-a-violation", "120 mm mortar is not a weapon class Package of Measures, point 2 covers");
        None("case-minsk-mortar-fire", "minsk-ii-addendum");
        foreach (var provision in new[] { 1, 2, 3 })
        {
            Check("case-minsk-window-across-entry-into-force", "minsk-ii", provision, "undetermined", "(14 Feb 2015 21:30 UTC to 14 Feb 2015 22:40 UTC) is not wholly within the time", "was in force (from 14 Feb 2015 22:00 UTC)");
        }

        // The addendum: tanks 15 km back from the line of contact on both sides, from 1 October 2015.
        Check("case-addendum-tank-within-15km", "minsk-ii-addendum", 1, "violation", "tank seen 10 km from the line of contact, inside the 15 km zone", "(donbas-formations; baseline: the line of contact as of 29 Sep 2015)");
        Check("case-addendum-tank-within-15km", "minsk-ii", 2, "not-a-violation", "is not a weapon class Package of Measures, point 2 covers");
        None("case-addendum-tank-before-it", "minsk-ii-addendum");
        Assert.Empty(stored["case-minsk-after-collapse"].Findings);

        // The energy-strike moratorium, 18 March to 17 April 2025.
        Check("case-moratorium-odesa-energy", "energy-strike-moratorium", 1, "violation", "Strike on energy infrastructure in oblast UA-51 on 20 Mar 2025, during the moratorium in force since 18 Mar 2025.");
        Check("case-moratorium-other-target", "energy-strike-moratorium", 1, "not-a-violation", "The target, logistics depot, is not one the moratorium protects (energy infrastructure).");
        Check("case-moratorium-no-target", "energy-strike-moratorium", 1, "undetermined", "on 2 Apr 2025, but its target is not identified");
        Check("case-moratorium-nikopol-energy", "energy-strike-moratorium", 1, "violation", "Strike on energy infrastructure in oblast UA-12 on 10 Apr 2025");
        Check("case-moratorium-damage-not-a-strike", "energy-strike-moratorium", 1, "not-a-violation", "Infrastructure damage is not a strike.");
        Check("case-moratorium-window-across-start", "energy-strike-moratorium", 1, "undetermined", "is not wholly within the time 30-day moratorium on strikes against energy infrastructure was in force");
        Check("case-moratorium-last-hour", "energy-strike-moratorium", 1, "violation", "on 16 Apr 2025");
        None("case-after-moratorium-energy", "energy-strike-moratorium");
        None("case-jeddah-drone-odesa-energy", "energy-strike-moratorium");

        // The Jeddah proposal and the Black Sea arrangement never came into force: nothing is judged against them.
        Assert.Contains(stored.Values, o => o.ObservedFrom.Year == 2025 && o.ObservedFrom.Month == 3);
        foreach (var o in stored.Values)
        {
            None(o.ExternalId, "jeddah-interim-ceasefire");
            None(o.ExternalId, "black-sea-arrangement");
        }

        Assert.True(wrong.Count == 0, "Findings not as placed:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_others()
    {
        static List<string> Rows(int seed) =>
            new ObservationGenerator(seed, 0.01).Generate(2_000).Select(r => JsonSerializer.Serialize(r, TruceJson.Options)).ToList();

        Assert.Equal(Rows(7), Rows(7));
        Assert.NotEqual(Rows(7), Rows(8));
        // Row i does not depend on how many rows are asked for.
        Assert.Equal(Rows(7).Take(500), new ObservationGenerator(7, 0.01).Generate(500).Select(r => JsonSerializer.Serialize(r, TruceJson.Options)));
    }

    [Fact]
    public void Bad_rows_come_in_the_share_asked_and_each_is_refused_for_the_rule_it_breaks_while_the_others_pass()
    {
        var rows = new ObservationGenerator(3, 0.01).Rows(10_000).ToList();

        Assert.Equal(100, rows.Count(r => r.Fault is not null));
        Assert.Equal(ObservationGenerator.Faults.Order(StringComparer.Ordinal), rows.Select(r => r.Fault).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var errors = new ValidationErrors();
            var read = ObservationRules.Read(row.Input, errors);
            if (row.Fault is { } fault)
            {
                Assert.Null(read);
                Assert.True(errors.Has(fault), $"{row.Input.ExternalId} should break {fault}: {errors}");
                Assert.Equal(1, errors.Count);
            }
            else
            {
                Assert.True(read is not null, $"{row.Input.ExternalId}: {errors}");
            }
        }

        var valid = rows.Where(r => r.Fault is null && r.Input.ExternalId is not null).Select(r => (r.Input.Source, r.Input.ExternalId)).ToList();
        Assert.Equal(valid.Count, valid.Distinct().Count());
    }

    [Fact]
    public void Rows_lie_along_the_line_in_both_eras_with_the_type_mix_stated()
    {
        var rows = new ObservationGenerator(11).Generate(20_000).ToList();
        var lines = new Dictionary<int, GeodesicLine>
        {
            [2015] = Line("line-of-contact-2015-02-illustrative.geojson"),
            [2025] = Line("line-of-contact-2025-03-illustrative.geojson"),
        };

        var byEra = rows.GroupBy(r => r.ObservedFrom!.Value.Year == 2016 ? 2015 : r.ObservedFrom!.Value.Year).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal([2015, 2025], byEra.Keys.Order());
        Assert.Equal(10_000, byEra[2015].Count);
        var distances = byEra.SelectMany(e => e.Value.Take(2_000).Select(r => lines[e.Key].DistanceTo(r.Lat!.Value, r.Lon!.Value) / 1000)).ToList();
        Assert.InRange(distances.Count(d => d <= 10) / (double)distances.Count, 0.65, 0.9);
        Expect.All(distances, d => Assert.InRange(d, 0, 81));
        Assert.Contains(distances, d => d > 50);

        foreach (var (type, share) in ObservationGenerator.TypeShares.Where(t => t.Type != "air-strike" && t.Type != "drone-strike"))
        {
            Assert.InRange(rows.Count(r => r.Type == type) / (double)rows.Count, share * 0.8 - 0.002, share * 1.2 + 0.002);
        }

        Assert.InRange(rows.Count(r => r.Sector is not null) / (double)rows.Count, 0.08, 0.12);
        var moratorium = byEra[2025].Where(r => r.ObservedFrom >= new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero) && r.ObservedFrom < new DateTimeOffset(2025, 4, 17, 0, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Contains(moratorium, r => r.Target == "energy-infrastructure");
        Assert.DoesNotContain(byEra[2015], r => r.Target == "energy-infrastructure");
        Assert.Contains(rows, r => r.Type == "weapon-sighting" && r.Weapon == "artillery" && r.CalibreMm >= 100);

        static GeodesicLine Line(string file) =>
            new(GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, file)).SelectMany(f => Placer.Parts(f.Geometry)).First());
    }

    [Fact]
    public void The_CSV_has_Truces_header_and_one_record_of_27_fields_per_row()
    {
        var rows = new ObservationGenerator(5, 0.02).Generate(300).ToList();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(300, ObservationGenerator.WriteCsv(rows, writer));
        using var reader = new StringReader(writer.ToString());
        var records = Csv.Read(reader).ToList();

        Assert.Equal("source,externalId,observedFrom,observedTo,type,count,lat,lon,radiusMetres,sectorFromBearing,sectorToBearing,sectorMinMetres,sectorMaxMetres,weapon,calibreMm,target,direction,claimedBy,casualtiesBest,casualtiesLow,casualtiesHigh,attachments,grading,description,markingLevel,markingRelTo,origin", string.Join(',', records[0].Fields));
        Assert.Equal(301, records.Count);
        Expect.All(records, r => Assert.Equal(27, r.Fields.Count));
        var first = records[1].Fields;
        Assert.Equal(rows[0].ExternalId, first[1]);
        Assert.Equal(rows[0].ObservedFrom!.Value.UtcDateTime, DateTime.Parse(first[2], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
        Assert.EndsWith("Z", first[2], StringComparison.Ordinal);
        Assert.Contains(records.Skip(1), r => r.Fields[25] == "GBR;FRA");
    }
}
