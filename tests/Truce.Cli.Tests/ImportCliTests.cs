using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Monitoring;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce import</c>: a file whole or nothing, every bad row named with its column, reason and value; a re-import unchanged.</summary>
public sealed class ImportCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private const string Row = """{"source":"cli-feed","externalId":"ID","observedFrom":"2025-03-20T02:00:00Z","type":"drone-strike","lat":46.48,"lon":30.72,"target":"energy-infrastructure"}""";

    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_names_each_one()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("truce-import-").FullName, "bad.ndjson");
        await File.WriteAllTextAsync(file, string.Join("\r\n", Row.Replace("ID", "b1", StringComparison.Ordinal), "{not json", Row.Replace("ID", "b3", StringComparison.Ordinal).Replace("46.48", "96.48", StringComparison.Ordinal), Row.Replace("ID", "b4", StringComparison.Ordinal).Replace("\"lat\":46.48", "\"lat\":\"north\"", StringComparison.Ordinal)));

        var (code, output, _) = await Truce("import", file, "--json");

        var summary = JsonNode.Parse(output)!;
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Equal((4, 0, 3), (summary["read"]!.GetValue<int>(), summary["accepted"]!.GetValue<int>(), summary["rejected"]!.GetValue<int>()));
        var rejections = summary["rejections"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r["column"]!.GetValue<string>(), r["value"]?.GetValue<string>())).ToList();
        Assert.Equal([(2, "line", "{not json"), (4, "lat", "north")], rejections.Where(r => r.Item1 != 3));
        Assert.Contains((3, "lat", "96.48"), rejections);
    }

    [Fact]
    public async Task A_gzipped_file_imports_and_a_second_import_changes_nothing()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("truce-import-").FullName, "good.ndjson.gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("\uFEFF" + Row.Replace("ID", "g1", StringComparison.Ordinal) + "\n" + Row.Replace("ID", "g2", StringComparison.Ordinal) + "\n"));
        }

        var (code, output, _) = await Truce("import", file, "--json");
        var (againCode, again, _) = await Truce("import", file, "--json");

        Assert.Equal((0, 0), (code, againCode));
        Assert.Equal(2, JsonNode.Parse(output)!["accepted"]!.GetValue<int>());
        Assert.Equal((0, 2), (JsonNode.Parse(again)!["accepted"]!.GetValue<int>(), JsonNode.Parse(again)!["unchanged"]!.GetValue<int>()));
    }

    private const string AcledHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    // Invented rows in ACLED's shape (its terms forbid copying real ones): id, date, sub-event, place, notes, fatalities.
    private static string Acled(string id, string date, string subEvent, string lat, string lon, string notes, string fatalities = "0") =>
        string.Join(",", id, date, "2025", "1", "Political violence", "Explosions/Remote violence", $"\"{subEvent}\"", "\"Military Forces of Russia (2000-)\"", "", "State forces", "", "", "", "", "", "804", "Europe", "Ukraine", "Odesa", "Odeskyi", "Odeska", "Odesa", lat, lon, "1", "Suspilne", "National", $"\"{notes}\"", fatalities, "", "1742500000");

    [Fact]
    public async Task An_ACLED_export_imports_with_its_dates_and_sub_events_then_a_revision_and_a_deletion_follow()
    {
        var folder = Directory.CreateTempSubdirectory("truce-acled-").FullName;
        var first = Path.Combine(folder, "acled.csv");
        // Encoding.UTF8 writes the byte-order mark, as Excel and ACLED's own exports do.
        await File.WriteAllTextAsync(first, string.Join("\r\n",
            AcledHeader,
            Acled("UKR990001", "2025-03-20", "Air/drone strike", "46.4825", "30.7233", "Russian drones struck energy infrastructure in Odesa, a substation was damaged."),
            Acled("UKR990002", "21 March 2025", "Shelling/artillery/missile attack", "46.6354", "32.6169", "Shelling of Kherson city,\nresidential buildings damaged.", "2"),
            Acled("UKR990003", "22-March-2025", "Peaceful protest", "50.45", "30.52", "Protest in Kyiv."),
            Acled("UKR990004", "2025-03-23", "Armed clash", "47.66", "36.26", "Clashes near Huliaipole.")) + "\r\n", Encoding.UTF8);
        var revised = Path.Combine(folder, "acled-revised.csv");
        await File.WriteAllTextAsync(revised, string.Join("\n",
            AcledHeader,
            Acled("UKR990001", "2025-03-20", "Air/drone strike", "46.4825", "30.7233", "Russian drones struck energy infrastructure in Odesa, a substation was damaged.", "1"),
            Acled("UKR990004", "2025-03-23", "Armed clash", "47.66", "36.26", "Clashes near Huliaipole.")) + "\n");
        var deleted = Path.Combine(folder, "acled-deleted.csv");
        await File.WriteAllTextAsync(deleted, "event_id_cnty,deleted_timestamp\nUKR990004,1742600000\n");

        var (code, output, _) = await Truce("import", first, "--format", "acled", "--accept-valid", "--json");
        var (revisedCode, again, _) = await Truce("import", revised, "--format", "acled", "--json");
        var (deletedCode, gone, _) = await Truce("import", deleted, "--format", "acled", "--json");

        var summary = JsonNode.Parse(output)!;
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Equal((4, 3, 1), (summary["read"]!.GetValue<int>(), summary["accepted"]!.GetValue<int>(), summary["rejected"]!.GetValue<int>()));
        var rejection = summary["rejections"]!.AsArray().Single()!;
        Assert.Equal((5, "sub_event_type", "Peaceful protest"), (rejection["row"]!.GetValue<int>(), rejection["column"]!.GetValue<string>(), rejection["value"]!.GetValue<string>()));
        Assert.Equal((0, 1, 1), (revisedCode, JsonNode.Parse(again)!["revised"]!.GetValue<int>(), JsonNode.Parse(again)!["unchanged"]!.GetValue<int>()));
        Assert.Equal((0, 1), (deletedCode, JsonNode.Parse(gone)!["withdrawn"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_UCDP_file_with_ambiguous_slash_dates_is_refused_naming_each_and_imports_once_they_are_written_plainly()
    {
        const string header = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";
        static string Row(string id, string start, string end) =>
            string.Join(",", id, "UKR-2015-1-" + id, "2015", "TRUE", "Clear", "1", "11347", "11347", "Ukraine: Donetsk", "13412", "13412", "Government of Ukraine - DPR", "65", "65", "Government of Ukraine", "1234", "1234", "DPR", "2", "", "", "", "Shelling near Debaltseve", "", "1", "Debaltseve town", "Debaltseve", "Donetsk oblast", "Horlivka raion", "48.3415", "38.4050", "POINT (38.4050 48.3415)", "179560", "Ukraine", "369", "Europe", "1", "1", start, end, "2", "1", "0", "0", "3", "5", "2", "369", "");
        var folder = Directory.CreateTempSubdirectory("truce-ucdp-").FullName;
        var ambiguous = Path.Combine(folder, "ged-ambiguous.csv");
        await File.WriteAllTextAsync(ambiguous, string.Join("\n", header, Row("880001", "2015-02-05", "2015-02-05"), Row("880002", "03/04/2015", "03/04/2015")) + "\n");
        var plain = Path.Combine(folder, "ged.csv");
        await File.WriteAllTextAsync(plain, string.Join("\n", header, Row("880001", "2015-02-05", "2015-02-05"), Row("880002", "25/03/2015", "4/4/2015")) + "\n");

        var (code, output, _) = await Truce("import", ambiguous, "--format", "ucdp", "--json");
        var (plainCode, imported, _) = await Truce("import", plain, "--format", "ucdp", "--json");

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Equal(0, JsonNode.Parse(output)!["accepted"]!.GetValue<int>());
        Expect.All(JsonNode.Parse(output)!["rejections"]!.AsArray(), r => Assert.Equal(3, r!["row"]!.GetValue<int>()));
        Assert.Equal((0, 2), (plainCode, JsonNode.Parse(imported)!["accepted"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_example_observations_shipped_with_Truce_import_whole()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "data", "demo", "observations.ndjson");
        var rows = File.ReadLines(example).Count(l => l.Length > 0);

        var (code, output, error) = await Truce("import", example, "--json");

        Assert.True(code == 0, error);
        var summary = JsonNode.Parse(output)!;
        Assert.Equal(rows, summary["read"]!.GetValue<int>());
        Assert.Equal(rows, summary["accepted"]!.GetValue<int>() + summary["unchanged"]!.GetValue<int>());
        Assert.Equal(0, summary["rejected"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_import_killed_midway_leaves_nothing_written_and_the_store_usable()
    {
        // Enough generated rows that the import is still writing when the process is killed.
        var folder = Directory.CreateTempSubdirectory("truce-kill-").FullName;
        var file = Path.Combine(folder, "big.ndjson");
        ObservationGenerator.WriteFile(new ObservationGenerator(seed: 7).Generate(120_000), file);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "truce.dll"), "import", file, .. app.Location.CliArguments])
        {
            start.ArgumentList.Add(arg);
        }

        // Other tests of this class share the store (one at a time): what counts is that the kill adds nothing.
        var before = await CountAsync();
        using var import = System.Diagnostics.Process.Start(start)!;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(import.HasExited, "the import finished before it could be killed; make the file larger");
        import.Kill(entireProcessTree: true);
        await import.WaitForExitAsync();

        await File.WriteAllTextAsync(Path.Combine(folder, "one.ndjson"), Row.Replace("ID", "after-kill", StringComparison.Ordinal) + "\n");
        var (afterCode, after, _) = await Truce("import", Path.Combine(folder, "one.ndjson"), "--json");

        Assert.Equal(before + 1, await CountAsync());
        Assert.Equal((0, 1), (afterCode, JsonNode.Parse(after)!["accepted"]!.GetValue<int>()));

        async Task<int> CountAsync()
        {
            await using var services = new ServiceCollection().AddTruceStorage(_ => app.Location.Options).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
            using var reading = db.ReadAs(Principal.System("kill test"));
            return await db.Observations.CountAsync();
        }
    }
}
