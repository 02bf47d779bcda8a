namespace Truce.Core.Verification;

/// <summary>
/// Reports placed in a grid of cells in space, each cell's reports in time order, so that the pairs close in
/// both space and time are found without comparing every report with every other (a day holds about 60,000).
/// Distances are on a local flat projection: between two reports a few kilometres apart the error is far below
/// the half-kilometre jitter of a reported place.
/// </summary>
internal sealed class SpaceTimeIndex
{
    private const double KmPerDegreeLat = 110.574;
    private const double KmPerDegreeLonAtEquator = 111.320;

    private readonly IReadOnlyList<FusionReport> _reports;
    private readonly double[] _minutes;
    private readonly int[] _byTime;
    private readonly Dictionary<(int X, int Y), List<int>> _cells = [];
    private readonly double _cellKm;
    private readonly double _lonScale;

    /// <param name="reports">The reports; pairs are given as indices into this list.</param>
    /// <param name="cellKm">The side of a cell; pairs up to this far apart are found.</param>
    public SpaceTimeIndex(IReadOnlyList<FusionReport> reports, double cellKm)
    {
        _reports = reports;
        _cellKm = cellKm;
        var meanLat = reports.Count == 0 ? 0 : reports.Average(r => r.Lat);

        // The grid's east-west scale is the mean latitude's; cells are made 10 % wider than asked so that a
        // report's scale differing from the mean by a few percent cannot hide a pair in a cell not visited.
        _lonScale = KmPerDegreeLonAtEquator * Math.Cos(meanLat * Math.PI / 180) / 1.1;
        _minutes = new double[reports.Count];
        var origin = reports.Count == 0 ? DateTimeOffset.UnixEpoch : reports.Min(r => r.ObservedAt);
        for (var i = 0; i < reports.Count; i++)
        {
            _minutes[i] = (reports[i].ObservedAt - origin).TotalMinutes;
        }

        _byTime = [.. Enumerable.Range(0, reports.Count).OrderBy(i => _minutes[i])];
        foreach (var i in _byTime)
        {
            var cell = CellOf(i);
            if (!_cells.TryGetValue(cell, out var list))
            {
                _cells[cell] = list = [];
            }

            list.Add(i);
        }
    }

    /// <summary>Minutes of report <paramref name="i"/> since the earliest report.</summary>
    public double MinutesOf(int i) => _minutes[i];

    /// <summary>Report indices in time order.</summary>
    public IReadOnlyList<int> ByTime => _byTime;

    /// <summary>How far east, north (km) and later (minutes) report <paramref name="j"/> is than report <paramref name="i"/>.</summary>
    public (double EastKm, double NorthKm, double Minutes) Offset(int i, int j)
    {
        var (a, b) = (_reports[i], _reports[j]);
        var cos = Math.Cos((a.Lat + b.Lat) / 2 * Math.PI / 180);
        return ((b.Lon - a.Lon) * KmPerDegreeLonAtEquator * cos, (b.Lat - a.Lat) * KmPerDegreeLat, _minutes[j] - _minutes[i]);
    }

    /// <summary>
    /// Every pair (each once) no more than <paramref name="maxKm"/> apart east-west and north-south (at most the
    /// cell's side) and no more than <paramref name="maxMinutes"/> apart in time.
    /// </summary>
    public void ForEachPair(double maxKm, double maxMinutes, Action<int, int> visit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxKm, _cellKm);
        var rank = new int[_byTime.Length];
        for (var r = 0; r < _byTime.Length; r++)
        {
            rank[_byTime[r]] = r;
        }

        foreach (var i in _byTime)
        {
            foreach (var list in NeighbourCells(i))
            {
                // Each list is in time order; start after report i so that each pair is visited once.
                var start = FirstAfter(list, rank, rank[i]);
                for (var k = start; k < list.Count && _minutes[list[k]] - _minutes[i] <= maxMinutes; k++)
                {
                    var j = list[k];
                    var (east, north, _) = Offset(i, j);
                    if (Math.Abs(east) <= maxKm && Math.Abs(north) <= maxKm)
                    {
                        visit(i, j);
                    }
                }
            }
        }
    }

    /// <summary>The reports' lists of the cell of report <paramref name="i"/> and of the eight around it.</summary>
    public IEnumerable<List<int>> NeighbourCells(int i)
    {
        var (x, y) = CellOf(i);
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                if (_cells.TryGetValue((x + dx, y + dy), out var list))
                {
                    yield return list;
                }
            }
        }
    }

    private (int X, int Y) CellOf(int i) =>
        ((int)Math.Floor(_reports[i].Lon * _lonScale / _cellKm), (int)Math.Floor(_reports[i].Lat * KmPerDegreeLat / _cellKm));

    private static int FirstAfter(List<int> list, int[] rank, int after)
    {
        var (low, high) = (0, list.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (rank[list[middle]] <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
