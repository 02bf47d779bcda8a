using System.Text.Json.Nodes;

namespace Truce.Cli.Tests;

/// <summary><c>truce geo place</c>: one point, and an analyst's spreadsheet in which one row is bad.</summary>
public sealed class GeoCliTests
{
    private static Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(args);

    [Fact]
    public async Task One_point_is_placed_in_its_oblast_on_its_side_with_its_distance_to_the_line()
    {
        var (code, output, _) = await Truce("geo", "place", "48.7389", "37.5844", "--json");

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

        var (code, _, error) = await Truce("geo", "place", "--input", input, "--output", placed);

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
        Assert.Contains("placed 3 of 4 rows; 1 rejected", error, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_point_out_of_range_is_refused_with_what_was_expected()
    {
        var (code, _, error) = await Truce("geo", "place", "95", "37");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("lat: Expected degrees between -90 and 90", error, StringComparison.Ordinal);
    }
}
