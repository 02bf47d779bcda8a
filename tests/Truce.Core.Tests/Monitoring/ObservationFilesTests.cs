using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Monitoring.Files;
using Truce.Testing;

namespace Truce.Core.Tests.Monitoring;

/// <summary>
/// Observation files in the shapes people bring — ACLED and UCDP exports, Truce's CSV, NDJSON, JSON, GeoJSON —
/// read into inputs, with every row that cannot be read named by its line, its column and the value seen.
/// The rows here are invented (places and numbers plausible for Ukraine); no ACLED or UCDP row is copied.
/// </summary>
public sealed class ObservationFilesTests
{
    private const string AcledHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    private const string UcdpHeader = "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob";

    private static string Acled(string id, string date, string precision, string subEvent, string actor1, string lat, string lon, string geo, string notes, string fatalities, string timestamp = "1718000000") =>
        string.Join(",", id, date, "2024", precision, "Political violence", "Explosions/Remote violence", Csv.Field(subEvent), Csv.Field(actor1), "", "State forces", "Civilians (Ukraine)", "", "Civilians", "State forces-Civilians", "", "804", "Europe", "Ukraine", "Zaporizhzhia", "Polohivskyi", "Huliaipilska", "Huliaipole", lat, lon, geo, "Suspilne", "National", Csv.Field(notes), fatalities, "", timestamp);

    private static string Ucdp(string id, string status, string headline, string wherePrec, string whereDescription, string lat, string lon, string start, string end, string best, string high, string low) =>
        string.Join(",", id, "UKR-2014-1-" + id, "2014", "TRUE", status, "1", "11347", "11347", "Ukraine: Donetsk", "13412", "13412", "Government of Ukraine - DPR", "65", "65", "Government of Ukraine", "1234", "1234", "DPR", "2", "", "", "", Csv.Field(headline), "", wherePrec, "Horlivka town", Csv.Field(whereDescription), "Donetsk oblast", "Horlivka raion", lat, lon, $"POINT ({lon} {lat})", "179560", "Ukraine", "369", "Europe", "1", "1", start, end, "2", "1", "0", "0", best, high, low, "369", "");

    private static List<FileRow> Read(string text, ObservationFormat format) => [.. ObservationFiles.Read(new StringReader(text), format)];

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) => new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Acled_rows_read_with_their_window_from_the_time_precision_in_each_date_style()
    {
        var rows = Read(Lines(
            AcledHeader,
            Acled("UKR900001", "2024-03-15", "1", "Armed clash", "Military Forces of Ukraine (2019-)", "47.6585", "36.2581", "1", "Small arms fire near Huliaipole.", "0"),
            Acled("UKR900002", "15 March 2024", "2", "Armed clash", "Military Forces of Ukraine (2019-)", "47.6585", "36.2581", "1", "Clashes reported during the week.", "0"),
            Acled("UKR900003", "15-March-2024", "3", "Armed clash", "Military Forces of Ukraine (2019-)", "47.6585", "36.2581", "1", "Clashes reported during the month.", "0")), ObservationFormat.Acled);

        Expect.All(rows, r => Assert.Empty(r.Rejections));
        Assert.Equal([2, 3, 4], rows.Select(r => r.Row));
        Assert.Equal((Utc(2024, 3, 15), Utc(2024, 3, 15, 23, 59, 59)), (rows[0].Input!.ObservedFrom, rows[0].Input!.ObservedTo));
        Assert.Equal((Utc(2024, 3, 12), Utc(2024, 3, 18, 23, 59, 59)), (rows[1].Input!.ObservedFrom, rows[1].Input!.ObservedTo));
        Assert.Equal((Utc(2024, 3, 1), Utc(2024, 3, 31, 23, 59, 59)), (rows[2].Input!.ObservedFrom, rows[2].Input!.ObservedTo));
    }

    [Fact]
    public void Acled_sub_event_notes_precision_and_actor_become_type_radius_attribution_casualties_and_target()
    {
        var rows = Read(Lines(
            AcledHeader,
            Acled("UKR900011", "2024-03-15", "1", "Shelling/artillery/missile attack", "Military Forces of Russia (2000-)", "47.8388", "35.1396", "2", "Russian forces struck Zaporizhzhia with an Iskander-M, damaging a substation.", "2"),
            Acled("UKR900012", "2024-03-15", "1", "Shelling/artillery/missile attack", "Military Forces of Russia (2000-)", "47.6585", "36.2581", "1", "Artillery shelled the outskirts of Huliaipole.", "0"),
            Acled("UKR900013", "2024-03-16", "1", "Air/drone strike", "Military Forces of Russia (2000-) Air Force", "46.6354", "32.6169", "3", "Shahed drones hit Kherson region.", "1"),
            Acled("UKR900014", "2024-03-16", "1", "Air/drone strike", "Military Forces of Ukraine (2019-)", "47.1000", "37.5400", "1", "Guided bombs dropped on the town.", "0"),
            Acled("UKR900015", "2024-03-17", "1", "Remote explosive/landmine/IED", "Unidentified Armed Group (Ukraine)", "47.2000", "37.1000", "1", "A tractor hit a landmine.", "1")), ObservationFormat.Acled);

        Expect.All(rows, r => Assert.Empty(r.Rejections));
        Assert.Equal(["missile", "artillery", "drone-strike", "air-strike", "mine"], rows.Select(r => r.Input!.Type));
        Assert.Equal(["RUS", "RUS", "RUS", "UKR", null], rows.Select(r => r.Input!.ClaimedBy));
        Assert.Equal([15_000d, 2_000d, 50_000d, 2_000d, 2_000d], rows.Select(r => r.Input!.RadiusMetres!.Value));
        Assert.Equal(["energy-infrastructure", null, null, null, null], rows.Select(r => r.Input!.Target));
        var first = rows[0].Input!;
        Assert.Equal(("acled", "UKR900011", 1, 47.8388, 35.1396), (first.Source, first.ExternalId, first.Count, first.Lat, first.Lon));
        Assert.Equal((2, 2, 2), (first.Casualties!.Best, first.Casualties.Low, first.Casualties.High));
        Assert.StartsWith("Russian forces struck", first.Description, StringComparison.Ordinal);
        Assert.True(ObservationRules.Read(first, new ValidationErrors()) is not null);
    }

    [Fact]
    public void Acled_as_downloaded_with_BOM_CRLF_gzip_and_quoted_notes_holding_commas_and_a_line_break_keeps_each_rows_first_line()
    {
        var text = "\uFEFF" + string.Join("\r\n",
            AcledHeader,
            Acled("UKR900021", "2024-04-02", "1", "Shelling/artillery/missile attack", "Military Forces of Russia (2000-)", "48.5079", "32.2623", "1", "On 2 April, shelling hit Kropyvnytskyi outskirts, a school, a shop.\r\nTwo people were injured.", "0"),
            Acled("UKR900022", "2024-04-03", "1", "Armed clash", "Military Forces of Ukraine (2019-)", "48.0159", "37.8028", "2", "Clash, \"heavy\" fire reported.", "1")) + "\r\n";
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        using var reader = ObservationFiles.Open(new MemoryStream(gz.ToArray()));
        var rows = ObservationFiles.Read(reader, ObservationFormat.Acled).ToList();

        Expect.All(rows, r => Assert.Empty(r.Rejections));
        Assert.Equal([2, 4], rows.Select(r => r.Row));
        Assert.Equal("On 2 April, shelling hit Kropyvnytskyi outskirts, a school, a shop.\r\nTwo people were injured.", rows[0].Input!.Description);
        Assert.Equal("Clash, \"heavy\" fire reported.", rows[1].Input!.Description);
    }

    [Fact]
    public void Acled_sub_event_types_a_monitor_does_not_record_and_impossible_dates_are_rejected_by_their_column()
    {
        var rows = Read(Lines(
            AcledHeader,
            Acled("UKR900031", "2024-03-15", "1", "Peaceful protest", "Protesters (Ukraine)", "50.4501", "30.5234", "1", "Residents protested in Kyiv.", "0"),
            Acled("UKR900032", "31 February 2024", "1", "Armed clash", "Military Forces of Ukraine (2019-)", "47.6585", "36.2581", "1", "Clash.", "0"),
            Acled("UKR900033", "2024-03-15", "4", "Armed clash", "Military Forces of Ukraine (2019-)", "forty-seven", "36.2581", "1", "Clash.", "0")), ObservationFormat.Acled);

        var protest = Assert.Single(rows[0].Rejections);
        Assert.Equal((2, "sub_event_type", "Peaceful protest"), (protest.Row, protest.Column, protest.Value));
        Assert.Contains("'Peaceful protest' is not an event a ceasefire monitor records", protest.Reason, StringComparison.Ordinal);
        var date = Assert.Single(rows[1].Rejections);
        Assert.Equal(("event_date", "31 February 2024"), (date.Column, date.Value));
        Assert.StartsWith("Expected a date such as 2024-03-15", date.Reason, StringComparison.Ordinal);
        Assert.Equal(["time_precision", "latitude"], rows[2].Rejections.Select(r => r.Column).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void An_acled_deletions_file_withdraws_each_event_it_names()
    {
        var rows = Read(Lines("event_id_cnty,deleted_timestamp", "UKR900041,1718100000", "UKR900042,1718100500"), ObservationFormat.Acled);

        Expect.All(rows, r => Assert.True(r.Withdraws));
        Assert.Equal([("acled", "UKR900041"), ("acled", "UKR900042")], rows.Select(r => (r.Input!.Source!, r.Input.ExternalId!)));
        Assert.Null(rows[0].Input!.ObservedFrom);
    }

    [Fact]
    public void An_acled_row_re_exported_with_only_a_new_timestamp_reads_the_same()
    {
        var before = Read(Lines(AcledHeader, Acled("UKR900051", "2024-03-15", "1", "Armed clash", "Military Forces of Ukraine (2019-)", "47.6585", "36.2581", "1", "Clash.", "0", "1718000000")), ObservationFormat.Acled);
        var after = Read(Lines(AcledHeader, Acled("UKR900051", "2024-03-15", "1", "Armed clash", "Military Forces of Ukraine (2019-)", "47.6585", "36.2581", "1", "Clash.", "0", "1719999999")), ObservationFormat.Acled);

        Assert.Equal(JsonSerializer.Serialize(before[0].Input, TruceJson.Options), JsonSerializer.Serialize(after[0].Input, TruceJson.Options));
    }

    [Fact]
    public void An_acled_header_lacking_a_column_is_named_on_its_line_and_nothing_else_is_read()
    {
        var rows = Read(Lines("event_id_cnty,event_date,sub_event_type,latitude,longitude", "UKR900061,2024-03-15,Armed clash,47.6,36.2"), ObservationFormat.Acled);

        var header = Assert.Single(rows);
        Assert.Null(header.Input);
        Assert.Equal([(1, "time_precision"), (1, "geo_precision")], header.Rejections.Select(r => (r.Row, r.Column)));
    }

    [Fact]
    public void A_rules_error_on_an_acled_row_is_located_in_acleds_own_columns()
    {
        var row = Read(Lines(AcledHeader, Acled("UKR900071", "2024-03-15", "1", "Armed clash", "Military Forces of Ukraine (2019-)", "91.5", "36.2581", "1", "Clash.", "0")), ObservationFormat.Acled).Single();
        var errors = new ValidationErrors();

        ObservationRules.Read(row.Input!, errors);

        Assert.Equal(["lat"], errors.ToDictionary().Keys);
        Assert.Equal(("latitude", "91.5"), row.Locate("lat"));
        Assert.Equal(("sub_event_type", "Armed clash"), row.Locate("type"));
        Assert.Equal(("fatalities", "0"), row.Locate("casualties"));
    }

    [Fact]
    public void Ucdp_with_iso_day_first_and_short_slash_dates_in_one_column_reads_every_date_day_first()
    {
        var text = Lines(
            UcdpHeader,
            Ucdp("470001", "Clear", "Shelling in Horlivka", "1", "Horlivka town", "48.3336", "38.0925", "2014-07-21", "2014-07-21", "3", "5", "2"),
            Ucdp("470002", "Clear", "", "2", "near Debaltseve", "48.3415", "38.4050", "25/07/2014", "27/07/2014 00:00:00", "4", "4", "4"),
            Ucdp("470003", "Clear", "Fighting near Ilovaisk", "3", "Ilovaisk area", "47.9240", "38.1981", "5/8/2014", "7/8/2014", "10", "12", "8"));

        var once = Read(text, ObservationFormat.Ucdp);
        var twice = ObservationFiles.Read(() => new StringReader(text), ObservationFormat.Ucdp).ToList();

        Assert.Equal(49, UcdpHeader.Split(',').Length);
        Expect.All(twice, r => Assert.Empty(r.Rejections));
        Assert.Equal([2, 3, 4], twice.Select(r => r.Row));
        Assert.Equal([2, 3, 4], once.Select(r => r.Row).Order());
        Assert.Equal([Utc(2014, 7, 21), Utc(2014, 7, 25), Utc(2014, 8, 5)], twice.Select(r => r.Input!.ObservedFrom!.Value));
        Assert.Equal([Utc(2014, 7, 21, 23, 59, 59), Utc(2014, 7, 27, 23, 59, 59), Utc(2014, 8, 7, 23, 59, 59)], twice.Select(r => r.Input!.ObservedTo!.Value));
        Assert.Equal(twice.Select(r => JsonSerializer.Serialize(r.Input, TruceJson.Options)).Order(StringComparer.Ordinal), once.Select(r => JsonSerializer.Serialize(r.Input, TruceJson.Options)).Order(StringComparer.Ordinal));
        var second = twice[1].Input!;
        Assert.Equal(("ucdp-ged", "470002", "casualty", 25_000d, "near Debaltseve"), (second.Source, second.ExternalId, second.Type, second.RadiusMetres, second.Description));
        Assert.Equal((3, 2, 5), (twice[0].Input!.Casualties!.Best, twice[0].Input!.Casualties!.Low, twice[0].Input!.Casualties!.High));
        Assert.Equal(("source_headline", "Shelling in Horlivka"), twice[0].Locate("description"));
        Assert.Equal(("where_description", "near Debaltseve"), twice[1].Locate("description"));
        Assert.Equal(("low/best/high", "8/10/12"), twice[2].Locate("casualties"));
    }

    [Fact]
    public void Ucdp_slash_dates_that_no_date_in_the_file_disambiguates_are_rejected_unless_both_readings_agree()
    {
        var rows = ObservationFiles.Read(() => new StringReader(Lines(
            UcdpHeader,
            Ucdp("470011", "Clear", "Shelling", "1", "Horlivka", "48.3336", "38.0925", "05/02/2015", "05/02/2015", "1", "1", "1"),
            Ucdp("470012", "Clear", "Shelling", "1", "Horlivka", "48.3336", "38.0925", "03/03/2015", "2015-03-03", "1", "1", "1"))), ObservationFormat.Ucdp).ToList();

        Assert.Equal(["date_start", "date_end"], rows[0].Rejections.Select(r => r.Column));
        Expect.All(rows[0].Rejections, r => Assert.Equal("'05/02/2015' could be 5 February or 2 May, and no date in the file tells which order it uses; write it as 2015-02-05 or 2015-05-02.", r.Reason));
        Assert.Empty(rows[1].Rejections);
        Assert.Equal(Utc(2015, 3, 3), rows[1].Input!.ObservedFrom);
    }

    [Fact]
    public void A_ucdp_file_writing_slash_dates_both_day_first_and_month_first_has_every_slash_date_rejected()
    {
        var rows = Read(Lines(
            UcdpHeader,
            Ucdp("470021", "Clear", "Shelling", "1", "Horlivka", "48.3336", "38.0925", "25/02/2015", "2015-02-25", "1", "1", "1"),
            Ucdp("470022", "Clear", "Shelling", "1", "Horlivka", "48.3336", "38.0925", "2/26/2015", "2015-02-26", "1", "1", "1"),
            Ucdp("470023", "Clear", "Shelling", "1", "Horlivka", "48.3336", "38.0925", "2015-02-27", "2015-02-27", "1", "1", "1")), ObservationFormat.Ucdp);

        var slashed = rows.Where(r => r.Row is 2 or 3).ToList();
        Expect.All(slashed, r => Assert.Equal("date_start", Assert.Single(r.Rejections).Column));
        Expect.All(slashed, r => Assert.Contains("both day first ('25/02/2015') and month first ('2/26/2015')", r.Rejections[0].Reason, StringComparison.Ordinal));
        Assert.Empty(rows.Single(r => r.Row == 4).Rejections);
    }

    [Fact]
    public void A_deleted_ucdp_row_withdraws_its_event_and_a_country_wide_precision_is_refused_by_the_rules_under_where_prec()
    {
        var rows = Read(Lines(
            UcdpHeader,
            Ucdp("470031", "Deleted", "", "1", "Horlivka", "48.3336", "38.0925", "2015-02-25", "2015-02-25", "1", "1", "1"),
            Ucdp("470032", "Clear", "", "6", "Ukraine", "48.3794", "31.1656", "2015-02-25", "2015-02-25", "1", "1", "1")), ObservationFormat.Ucdp);
        var errors = new ValidationErrors();

        ObservationRules.Read(rows[1].Input!, errors);

        Assert.True(rows[0].Withdraws);
        Assert.Equal(("ucdp-ged", "470031"), (rows[0].Input!.Source, rows[0].Input!.ExternalId));
        Assert.Equal(["radiusMetres"], errors.ToDictionary().Keys);
        Assert.Equal(("where_prec", "6"), rows[1].Locate("radiusMetres"));
    }

    private static readonly string TruceHeader = string.Join(",",
        "source", "externalId", "observedFrom", "observedTo", "type", "count", "lat", "lon", "radiusMetres", "sectorFromBearing", "sectorToBearing", "sectorMinMetres", "sectorMaxMetres",
        "weapon", "calibreMm", "target", "direction", "claimedBy", "casualtiesBest", "casualtiesLow", "casualtiesHigh", "attachments", "grading", "description", "markingLevel", "markingRelTo");

    private static readonly string Hash = new('a', 64);

    [Fact]
    public void Truce_csv_with_every_column_reads_into_every_field()
    {
        var rows = Read(Lines(
            "note," + TruceHeader,
            $"ours,osce-team-3,2015-04-01-17,2015-04-01T10:12:00+03:00,2015-04-01,explosion,7,48.1,37.9,,247.5,315,1000,7000,mortar,120,checkpoint,incoming,UKR,1,1,2,{Hash};{new string('b', 64)},B2,\"Seven explosions, heard\",rel-to,GBR;FRA"), ObservationFormat.Csv);

        var row = Assert.Single(rows);
        Assert.Empty(row.Rejections);
        var input = row.Input!;
        Assert.Equal(("osce-team-3", "2015-04-01-17", "explosion", 7, 48.1, 37.9, (double?)null), (input.Source, input.ExternalId, input.Type, input.Count, input.Lat, input.Lon, input.RadiusMetres));
        Assert.Equal((Utc(2015, 4, 1, 7, 12), Utc(2015, 4, 1)), (input.ObservedFrom!.Value, input.ObservedTo!.Value));
        Assert.Equal((247.5, 315d, 1000d, 7000d), (input.Sector!.FromBearing!.Value, input.Sector.ToBearing!.Value, input.Sector.MinMetres!.Value, input.Sector.MaxMetres!.Value));
        Assert.Equal(("mortar", 120, "checkpoint", "incoming", "UKR"), (input.Weapon, input.CalibreMm, input.Target, input.Direction, input.ClaimedBy));
        Assert.Equal((1, 1, 2), (input.Casualties!.Best, input.Casualties.Low, input.Casualties.High));
        Assert.Equal([Hash, new string('b', 64)], input.Attachments!);
        Assert.Equal(("B2", "Seven explosions, heard", "rel-to"), (input.Grading, input.Description, input.Marking!.Level));
        Assert.Equal(["GBR", "FRA"], input.Marking.RelTo!);
    }

    [Theory]
    [InlineData("lat", "lat", "95")]
    [InlineData("source", "source", "OSCE Team 3")]
    [InlineData("observedTo", "observedTo", "2015-03-20")]
    [InlineData("sector.fromBearing", "sectorFromBearing", "400")]
    [InlineData("sector.maxMetres", "sectorMaxMetres", "700")]
    [InlineData("casualties", "casualtiesLow/casualtiesBest/casualtiesHigh", "3/1/2")]
    [InlineData("attachments[1]", "attachments", "not-a-hash")]
    [InlineData("grading", "grading", "Z9")]
    [InlineData("marking.level", "markingLevel", "secret")]
    [InlineData("weapon", "weapon", "catapult")]
    public void Every_rules_error_on_a_truce_csv_row_is_located_in_its_column_with_the_value_written(string path, string column, string value)
    {
        var row = Read(Lines(TruceHeader, $"OSCE Team 3,2015-04-01-17,2015-04-01,2015-03-20,explosion,1,95,37.9,,400,315,9000,700,catapult,,,,,1,3,2,{Hash};not-a-hash,Z9,,secret,"), ObservationFormat.Csv).Single();
        var errors = new ValidationErrors();

        ObservationRules.Read(row.Input!, errors);

        Assert.Empty(row.Rejections);
        Assert.Contains(path, errors.ToDictionary().Keys);
        Assert.Equal((column, value), row.Locate(path));
    }

    [Fact]
    public void Truce_csv_cells_that_are_not_numbers_or_dates_are_rejected_with_their_column_and_value()
    {
        var rows = Read(Lines("source,externalId,observedFrom,type,lat,lon,count", "osce-team-3,17,20/03/2025,explosion,north,37.9,1.5", "osce-team-3,18,2025-03-20,explosion,48.1,37.9"), ObservationFormat.Csv);

        Assert.Equal([("observedFrom", "20/03/2025"), ("count", "1.5"), ("lat", "north")], rows[0].Rejections.Select(r => (r.Column, r.Value!)));
        Expect.All(rows[0].Rejections, r => Assert.Equal(2, r.Row));
        Assert.Equal(("row", 3), (Assert.Single(rows[1].Rejections).Column, rows[1].Row));
    }

    [Fact]
    public void A_csv_header_naming_none_of_truces_columns_is_a_file_fault_on_its_line()
    {
        var rows = Read(Lines("", "when,where,what", "2025-03-20,Avdiivka,shelling"), ObservationFormat.Csv);

        var fault = Assert.Single(Assert.Single(rows).Rejections);
        Assert.Equal((2, "file"), (fault.Row, fault.Column));
        Assert.Contains("names none of them", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_lines_read_straight_with_blank_lines_skipped_and_bad_lines_named_by_their_line_and_field()
    {
        var rows = Read(Lines(
            """{"source":"osce-team-3","externalId":"a1","observedFrom":"2015-04-01T10:12:00+03:00","type":"explosion","lat":48.1,"lon":37.9,"sector":{"fromBearing":10,"toBearing":20,"maxMetres":7000}}""",
            "",
            """{"source":"osce-team-3","externalId":"a2",""",
            """{"source":"osce-team-3","externalId":"a3","lat":"north"}""",
            "null"), ObservationFormat.Ndjson);

        Assert.Equal([1, 3, 4, 5], rows.Select(r => r.Row));
        Assert.Equal(7000, rows[0].Input!.Sector!.MaxMetres);
        Assert.Equal(("sector.maxMetres", "7000"), rows[0].Locate("sector.maxMetres"));
        Assert.Equal(("line", null), (Assert.Single(rows[1].Rejections).Column, rows[1].Input));
        var type = Assert.Single(rows[2].Rejections);
        Assert.Equal((4, "lat", "north", "Expected a number."), (type.Row, type.Column, type.Value, type.Reason));
        Assert.Null(rows[2].Input);
        Assert.Equal("line", Assert.Single(rows[3].Rejections).Column);
    }

    [Fact]
    public void A_json_array_is_read_element_by_element_each_named_by_its_place()
    {
        var rows = Read("""[{"source":"osce-team-3","externalId":"b1","lat":48.1},{"source":"osce-team-3","casualties":{"best":"two"}}]""", ObservationFormat.Json);

        Assert.Equal(48.1, rows[0].Input!.Lat);
        var fault = Assert.Single(rows[1].Rejections);
        Assert.Equal((2, "casualties.best", "two", "Expected a whole number."), (fault.Row, fault.Column, fault.Value, fault.Reason));
        Assert.Equal("file", Assert.Single(Assert.Single(Read("""{"not":"an array"}""", ObservationFormat.Json)).Rejections).Column);
    }

    [Fact]
    public void GeoJson_points_take_their_place_from_the_geometry_and_a_polygon_is_rejected_by_its_index()
    {
        var rows = Read("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[37.8028,48.0159]},"properties":{"source":"osce-team-3","externalId":"g1","type":"explosion","lat":1}},
              {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[37,48],[38,48],[38,49],[37,48]]]},"properties":{"source":"osce-team-3","externalId":"g2"}}
            ]}
            """, ObservationFormat.GeoJson);

        Assert.Equal((48.0159, 37.8028, "g1"), (rows[0].Input!.Lat!.Value, rows[0].Input!.Lon!.Value, rows[0].Input!.ExternalId));
        Assert.Empty(rows[0].Rejections);
        Assert.Equal(("geometry.coordinates[1]", "48.0159"), rows[0].Locate("lat"));
        Assert.Equal(("properties.externalId", "g1"), rows[0].Locate("externalId"));
        var polygon = Assert.Single(rows[1].Rejections);
        Assert.Equal((2, "geometry", "Polygon"), (polygon.Row, polygon.Column, polygon.Value));
        Assert.Contains("Feature 2 is a Polygon; expected a Point", polygon.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_upload_is_told_from_its_first_bytes_even_when_the_stream_cannot_seek()
    {
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write("\uFEFF{\"externalId\":\"z1\"}\n"u8);
        }

        using var reader = ObservationFiles.Open(new OneWayStream(gz.ToArray()));

        Assert.Equal("z1", Assert.Single(ObservationFiles.Read(reader, ObservationFormat.Ndjson)).Input!.ExternalId);
    }

    [Theory]
    [InlineData("ndjson", ObservationFormat.Ndjson)]
    [InlineData("JSON", ObservationFormat.Json)]
    [InlineData("Csv", ObservationFormat.Csv)]
    [InlineData("acled", ObservationFormat.Acled)]
    [InlineData("UCDP", ObservationFormat.Ucdp)]
    [InlineData("geojson", ObservationFormat.GeoJson)]
    public void Format_names_are_read_in_any_case(string text, ObservationFormat expected)
    {
        Assert.True(ObservationFiles.TryParseFormat(text, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("3")]
    [InlineData("ndjson,json")]
    [InlineData("")]
    public void Other_format_names_are_refused(string text) => Assert.False(ObservationFiles.TryParseFormat(text, out _));

    // Reads a generated file fast enough to print its rate; only the reading is asserted (speed is measured, never asserted).
    [Fact]
    public void A_large_ndjson_and_csv_file_read_every_row_without_a_rejection()
    {
        const int N = 20_000;
        var ndjson = new StringBuilder();
        var csv = new StringBuilder(TruceHeader).Append('\n');
        for (var i = 0; i < N; i++)
        {
            var lat = (47 + (i % 1000) / 1000.0).ToString(CultureInfo.InvariantCulture);
            ndjson.Append(CultureInfo.InvariantCulture, $$"""{"source":"osce-team-3","externalId":"r{{i}}","observedFrom":"2025-03-20T10:12:00Z","observedTo":"2025-03-20T10:40:00Z","type":"explosion","count":3,"lat":{{lat}},"lon":37.9,"weapon":"mortar","calibreMm":120,"direction":"incoming","grading":"B2"}""").Append('\n');
            csv.Append(CultureInfo.InvariantCulture, $"osce-team-3,r{i},2025-03-20T10:12:00Z,2025-03-20T10:40:00Z,explosion,3,{lat},37.9,,,,,,mortar,120,,incoming,,,,,,B2,,,\n");
        }

        foreach (var (text, format) in new[] { (ndjson.ToString(), ObservationFormat.Ndjson), (csv.ToString(), ObservationFormat.Csv) })
        {
            var clock = Stopwatch.StartNew();
            var (rows, rejected, last) = (0, 0, (FileRow?)null);
            foreach (var row in ObservationFiles.Read(new StringReader(text), format))
            {
                rows++;
                rejected += row.Rejections.Count;
                last = row;
            }

            clock.Stop();
            TestContext.Current.TestOutputHelper?.WriteLine($"{format}: {rows / clock.Elapsed.TotalSeconds:N0} rows/s");
            Assert.Equal((N, 0), (rows, rejected));
            Assert.Equal(($"r{N - 1}", 47.999), (last!.Input!.ExternalId, last.Input.Lat));
        }
    }

    /// <summary>An upload's stream: read once, front to back, no seeking.</summary>
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
