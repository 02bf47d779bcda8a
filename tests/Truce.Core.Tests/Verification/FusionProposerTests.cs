using Truce.Core.Monitoring;
using Truce.Core.Verification;
using Truce.Geography;

namespace Truce.Core.Tests.Verification;

/// <summary>The proposer's rules on a few reports, and its precision and recall on a generated day of 20,000 events.</summary>
public sealed class FusionProposerTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private const double Lat = 48.0;
    private const double Lon = 37.8;
    private const double KmLat = 1 / 110.574;
    private static readonly double KmLon = 1 / (111.320 * Math.Cos(Lat * Math.PI / 180));

    private static FusionReport Report(long id, string source, double eastKm = 0, double northKm = 0, double minutes = 0, EventType type = EventType.Artillery, string? origin = null) =>
        new(id, source, origin, Lat + (northKm * KmLat), Lon + (eastKm * KmLon), Noon.AddMinutes(minutes), Noon.AddMinutes(minutes), type, null, 1);

    /// <summary>The 2025 line as the generator walks it: the longest part of the shipped illustrative line.</summary>
    internal static IReadOnlyList<(double Lon, double Lat)> Line2025() =>
        GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => Placer.Parts(f.Geometry)).OrderByDescending(p => p.Count).First();

    [Fact]
    public void Close_reports_of_the_same_type_from_three_sources_are_proposed_as_one_with_the_reasons()
    {
        var candidate = Assert.Single(FusionProposer.Propose([Report(1, "patrol-1"), Report(2, "camera-1", eastKm: 0.3, minutes: 4), Report(3, "acoustic-1", northKm: 0.2, minutes: 6)]));

        Assert.Equal([1L, 2, 3], candidate.ReportIds);
        Assert.Equal("3 reports within 0.4 km and 6 minutes; same type (artillery); 3 independent sources", candidate.Reasons);
        Assert.InRange(candidate.Score, 0.5, 1);
    }

    [Fact]
    public void Two_reports_of_one_source_are_never_grouped_however_close()
    {
        Assert.Empty(FusionProposer.Propose([Report(1, "patrol-1"), Report(2, "patrol-1", eastKm: 0.1, minutes: 1)]));
    }

    [Fact]
    public void Of_two_reports_of_one_source_only_one_joins_a_third_report_close_to_both()
    {
        var candidate = Assert.Single(FusionProposer.Propose([Report(1, "patrol-1"), Report(2, "patrol-1", eastKm: 0.6, minutes: 1), Report(3, "camera-1", eastKm: 0.1)]));

        Assert.Equal([1L, 3], candidate.ReportIds);
    }

    [Fact]
    public void Two_channels_repeating_one_post_are_one_event_and_count_as_one_source()
    {
        var candidate = Assert.Single(FusionProposer.Propose(
        [
            Report(1, "channel-01", origin: "channel-01/post-7"),
            Report(2, "channel-02", eastKm: 0.5, minutes: 12, origin: "channel-01/post-7"),
            Report(3, "patrol-1", eastKm: 0.2, minutes: 5),
        ]));

        Assert.Equal(3, candidate.ReportIds.Count);
        Assert.EndsWith("2 independent sources (channel-01 and channel-02 repeat one post)", candidate.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mislabelled_type_is_still_grouped_when_place_and_time_agree_closely()
    {
        var candidate = Assert.Single(FusionProposer.Propose([Report(1, "patrol-1"), Report(2, "camera-1", eastKm: 0.1, minutes: 2, type: EventType.Explosion)]));

        Assert.Contains("neighbouring types artillery (1), explosion (1)", candidate.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_of_different_families_are_never_grouped()
    {
        Assert.Empty(FusionProposer.Propose([Report(1, "patrol-1"), Report(2, "camera-1", minutes: 1, type: EventType.DroneStrike)]));
    }

    [Fact]
    public void Two_events_3_km_apart_are_never_grouped()
    {
        var candidates = FusionProposer.Propose(
        [
            Report(1, "patrol-1"), Report(2, "camera-1", eastKm: 0.2, minutes: 3),
            Report(3, "patrol-2", eastKm: 3), Report(4, "camera-2", eastKm: 3.2, minutes: 3),
        ]);

        Assert.Equal([[1L, 2], [3L, 4]], candidates.Select(c => c.ReportIds.ToArray()).OrderBy(ids => ids[0]).ToArray());
    }

    [Fact]
    public void A_generated_day_of_20000_events_is_proposed_with_pair_precision_095_and_recall_090_beating_both_baselines()
    {
        var day = new FusionGenerator(Line2025(), seed: 1).Day(20_000);
        var reports = day.Select(d => d.Report).ToList();

        var ours = PairAgreement.Measure(FusionProposer.Propose(reports).Select(c => c.ReportIds), day);
        var linkage = PairAgreement.Measure(FusionBaselines.SpaceTimeLinkage(reports), day);
        var leader = PairAgreement.Measure(FusionBaselines.TypeAwareLeader(reports), day);

        Assert.True(ours.Precision >= 0.95, $"precision {ours.Precision:0.000}");
        Assert.True(ours.Recall >= 0.90, $"recall {ours.Recall:0.000}");
        Assert.True(linkage.Precision < ours.Precision || linkage.Recall < ours.Recall, $"linkage {linkage.Precision:0.000}/{linkage.Recall:0.000}");
        Assert.True(leader.Precision < ours.Precision || leader.Recall < ours.Recall, $"leader {leader.Precision:0.000}/{leader.Recall:0.000}");
    }

    [Fact]
    public void The_generator_gives_the_same_day_for_the_same_seed()
    {
        var line = Line2025();
        Assert.Equal(new FusionGenerator(line, 7).Day(200), new FusionGenerator(line, 7).Day(200));
    }
}
