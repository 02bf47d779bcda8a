using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce geo</c> and <c>truce agreements</c>: one point, an analyst's spreadsheet in which one row is bad, zones by date, importing a layer.</summary>
public sealed class GeoCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task One_point_is_placed_in_its_oblast_on_its_side_with_its_distance_to_the_line()
    {
        var (code, output, _) = await Truce("geo", "place", "48.7389", "37.5844", "--at", "2025-03-20", "--json");

        var place = JsonNode.Parse(output)!;
        Assert.Equal(0, code);
        Assert.Equal("UA-14", place["oblast"]!.GetValue<string>());
        Assert.Equal("UKR", place["side"]!.GetValue<string>());
        Assert.InRange(place["lineDistanceKm"]!.GetValue<double>(), 1, 60);
    }

    [Fact]
    public async Task A_spreadsheet_keeps_every_row_in_order_and_names_the_bad_one()
    {
        var folder = Directory.CreateTempSubdirectory("truce-geo-").FullName;
        var input = Path.Combine(folder, "points.csv");
        var placed = Path.Combine(folder, "placed.csv");
        await File.WriteAllTextAsync(input, "\uFEFFid,name,lat,lon\r\nk1,Kramatorsk,48.7389,37.5844\r\nm1,\"Melitopol, city\",46.8489,35.3653\r\nbad,typo,48;7,37.5\r\nw1,Warsaw,52.2297,21.0122\r\n");

        var (code, _, error) = await Truce("geo", "place", "--input", input, "--output", placed, "--at", "2025-03-20");

        var rows = (await File.ReadAllLinesAsync(placed)).Select(l => l.Split(',')).ToList();
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Equal(["id", "oblast_iso", "raion_katotth", "side", "dist_km"], rows[0]);
        Assert.Equal(["k1", "m1", "bad", "w1"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(("UA-14", "UKR"), (rows[1][1], rows[1][3]));
        Assert.StartsWith("UA14", rows[1][2], StringComparison.Ordinal);
        Assert.Equal(("UA-23", "RUS"), (rows[2][1], rows[2][3]));
        Assert.Equal(["bad", "", "", "", ""], rows[3]);
        Assert.Equal(("", ""), (rows[4][1], rows[4][3]));
        Assert.Contains("line 4: lat: Expected degrees between -90 and 90", error, StringComparison.Ordinal);
        // Which layers it rests on is said too (another test of this class may have imported a sectors layer by then).
        Assert.Contains("placed 3 of 4 rows at 2025-03-20 00:00 UTC on oblasts@2000-01-01, raions@2020-07-17, control-area@2025-03-15, line-of-contact@2025-03-15", error, StringComparison.Ordinal);
        Assert.Contains("; 1 rejected (named above, written with empty results)", error, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task In_2015_each_zone_of_Minsk_II_is_a_column_and_each_side_falls_in_its_own()
    {
        var folder = Directory.CreateTempSubdirectory("truce-geo-").FullName;
        var input = Path.Combine(folder, "points.csv");
        await File.WriteAllTextAsync(input, "id,lat,lon\nwest,48.1,37.6\neast,48.05,38.0\nbad,x,38\n");

        var (code, output, _) = await Truce("geo", "place", "--input", input, "--at", "2015-03-01");

        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var header = rows[0].ToList();
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Equal(5 + 6, header.Count);
        var ukrainian = header.IndexOf("zone:minsk-ii/2/UKR/artillery-100mm-plus");
        var formations = header.IndexOf("zone:minsk-ii/2/donbas-formations/artillery-100mm-plus");
        Assert.True(ukrainian > 4 && formations > 4, string.Join(",", header));
        Assert.Equal(("1", "0"), (rows[1][ukrainian], rows[1][formations]));
        Assert.Equal(("0", "1"), (rows[2][ukrainian], rows[2][formations]));
        Assert.Equal(header.Count, rows[3].Length);
        Expect.All(rows[3].Skip(1), cell => Assert.Equal(string.Empty, cell));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_point_out_of_range_is_refused_with_what_was_expected()
    {
        var (code, _, error) = await Truce("geo", "place", "95", "37");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("lat: Expected degrees between -90 and 90", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layer_with_a_feature_off_the_Earth_is_refused_with_the_feature_named_and_a_good_one_imported()
    {
        var folder = Directory.CreateTempSubdirectory("truce-geo-").FullName;
        var bad = Path.Combine(folder, "bad.geojson");
        var good = Path.Combine(folder, "good.geojson");
        const string Square = """{"type":"Feature","properties":{"code":"north"},"geometry":{"type":"Polygon","coordinates":[[[36,48],[37,48],[37,49],[36,49],[36,48]]]}}""";
        await File.WriteAllTextAsync(bad, $$$"""{"type":"FeatureCollection","features":[{{{Square}}},{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[48,36],[48,137],[49,137],[48,36]]]}}]}""");
        await File.WriteAllTextAsync(good, $$"""{"type":"FeatureCollection","features":[{{Square}}]}""");
        string[] Options(string file) => ["geo", "import", file, "--key", "cli-sectors", "--kind", "sectors", "--title", "Sectors from the CLI", "--valid-from", "2025-03-15"];

        var (badCode, _, badError) = await Truce(Options(bad));
        var (viewerCode, _, viewerError) = await Truce([.. Options(good), "--as", "viewer"]);
        var (goodCode, goodOutput, _) = await Truce(Options(good));

        Assert.Equal(ExitCodes.Invalid, badCode);
        Assert.Contains("file: features[2]: Feature 2 cannot be taken: the point (48, 137) is not on the Earth", badError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, viewerCode);
        Assert.Contains("Only analysts and admins may import geography layers", viewerError, StringComparison.Ordinal);
        Assert.Equal(0, goodCode);
        Assert.Contains("Imported Sectors from the CLI (cli-sectors, sectors): 1 features, valid from 2025-03-15", goodOutput, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Agreements_list_and_show_say_where_each_party_stands_and_the_provisions_in_words()
    {
        var (listCode, list, _) = await Truce("agreements", "list", "--status", "collapsed", "--json");
        var (showCode, show, _) = await Truce("agreements", "show", "jeddah-interim-ceasefire");
        var (missingCode, _, missing) = await Truce("agreements", "show", "no-such-agreement");

        Assert.Equal(0, listCode);
        Assert.Equal(["minsk-ii-addendum", "minsk-ii"], JsonNode.Parse(list)!.AsArray().Select(a => a!["key"]!.GetValue<string>()));
        Assert.Equal(0, showCode);
        Assert.Contains("accepted-in-principle", show, StringComparison.Ordinal);
        Assert.Contains("All hostilities cease on land, at sea and in the air along the whole front.", show, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, missingCode);
        Assert.Contains("No agreement 'no-such-agreement'", missing, StringComparison.Ordinal);
    }
}
