using Truce.Core.Security;

namespace Truce.Core.Monitoring;

/// <summary>What was observed (DESIGN.md capability 6), as monitors and datasets name it.</summary>
public enum EventType
{
    Explosion,
    Artillery,
    Mlrs,
    Missile,
    DroneStrike,
    AirStrike,
    SmallArms,
    GroundAssault,
    WeaponSighting,
    Mine,
    RestrictionOfMovement,
    Casualty,
    InfrastructureDamage,
}

/// <summary>Incoming or outgoing fire, as seen from the observer; unknown when it could not be told.</summary>
public enum FireDirection
{
    Unknown,
    Incoming,
    Outgoing,
}

/// <summary>
/// One report of something seen, heard or claimed: when (a window), where (a point with a radius, or an
/// observer's position with a bearing sector and a range interval), what, how many, with which weapon at
/// which target, who is said to be responsible, casualties, and who says so with the Admiralty grading of
/// source and information. <see cref="Source"/> and <see cref="ExternalId"/> identify it across re-sends.
/// </summary>
public sealed class Observation : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public long Id { get; set; }

    /// <summary>Who sent it: a monitoring team, a sensor network, a dataset (<c>acled</c>), a party.</summary>
    public required string Source { get; set; }

    /// <summary>The source's own id for it; with <see cref="Source"/>, what makes a re-send the same report.</summary>
    public required string ExternalId { get; set; }

    /// <summary>1 when first taken in; a revised report (same id, new content) is a new version.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset ObservedFrom { get; set; }

    public DateTimeOffset ObservedTo { get; set; }

    public EventType Type { get; set; }

    public int Count { get; set; } = 1;

    /// <summary>The reported point, or the observer's position when a bearing sector is given.</summary>
    public double Lat { get; set; }

    public double Lon { get; set; }

    /// <summary>How far from the point it may have been, in metres; 0 for exact.</summary>
    public double RadiusMetres { get; set; }

    /// <summary>An observer's bearing sector, degrees clockwise from north, with the range interval in metres.</summary>
    public BearingSector? Sector { get; set; }

    /// <summary>A kebab code: <c>artillery</c>, <c>mortar</c>, <c>tank</c>, <c>mlrs</c>, <c>heavy-mlrs</c>, <c>tactical-missile</c>, <c>small-arms</c>, <c>drone</c>, <c>missile</c>.</summary>
    public string? Weapon { get; set; }

    public int? CalibreMm { get; set; }

    /// <summary>What was hit or aimed at, as the provisions name target classes: <c>energy-infrastructure</c>, <c>civilian-vessels</c>.</summary>
    public string? Target { get; set; }

    public FireDirection Direction { get; set; }

    /// <summary>Whom the source holds responsible (an actor code), as claimed, not as found.</summary>
    public string? ClaimedBy { get; set; }

    public Casualties? Casualties { get; set; }

    /// <summary>SHA-256 of each attachment (photo, video, audio), hex; the files themselves are kept elsewhere.</summary>
    public List<string> Attachments { get; set; } = [];

    public Grading Grading { get; set; } = Grading.Ungraded;

    public string? Description { get; set; }

    /// <summary>The original this report repeats (another channel's post), if any: reports of one origin are one source for corroboration.</summary>
    public string? Origin { get; set; }

    /// <summary>Whether this is the latest version of the report (older versions are kept, never changed).</summary>
    public bool IsCurrent { get; set; } = true;

    /// <summary>SHA-256 of what was reported, so a re-send of the same content changes nothing.</summary>
    public string ContentHash { get; set; } = string.Empty;

    public DateTime ReceivedAtUtc { get; set; }

    public string ReceivedBy { get; set; } = string.Empty;

    // Where it was placed, with the geography in force at its time.
    public string? Oblast { get; set; }

    public string? Raion { get; set; }

    public string? SectorCode { get; set; }

    public string? Side { get; set; }

    public double? LineDistanceKm { get; set; }

    /// <summary>A finding per provision in force at its time.</summary>
    public List<ObservationFinding> Findings { get; set; } = [];

    /// <summary>The gravest of <see cref="Findings"/>, kept beside them so the map can filter and colour a million rows by it.</summary>
    public WorstVerdict Worst { get; set; }

    /// <summary>The gravest verdict among findings: a violation outweighs an undetermined finding, which outweighs "not a violation".</summary>
    public static WorstVerdict WorstOf(IEnumerable<Verdict> verdicts)
    {
        var worst = WorstVerdict.None;
        foreach (var verdict in verdicts)
        {
            var v = verdict switch
            {
                Verdict.Violation => WorstVerdict.Violation,
                Verdict.Undetermined => WorstVerdict.Undetermined,
                _ => WorstVerdict.NotAViolation,
            };
            worst = v > worst ? v : worst;
        }

        return worst;
    }
}

/// <summary>
/// The gravest verdict among an observation's findings, as the map colours it and the filters choose it:
/// a violation outweighs an undetermined finding, which outweighs "not a violation"; none when no provision
/// was in force at its time.
/// </summary>
public enum WorstVerdict
{
    None,
    NotAViolation,
    Undetermined,
    Violation,
}

/// <summary>A stored <see cref="Finding"/> of one observation.</summary>
public sealed class ObservationFinding
{
    public required string Agreement { get; set; }

    public int Provision { get; set; }

    public Verdict Verdict { get; set; }

    public required string Reason { get; set; }
}

/// <summary>An observer's bearing sector and range interval ("1–7 km W-SW to NW").</summary>
public sealed record BearingSector(double FromBearing, double ToBearing, double MinMetres, double MaxMetres);

/// <summary>Casualties as sources give them: a best estimate within a low and a high.</summary>
public sealed record Casualties(int Best, int Low, int High);

/// <summary>
/// The NATO Admiralty code: how reliable the source is (A completely reliable … E unreliable, F cannot be
/// judged) and how credible the information (1 confirmed by other sources … 5 improbable, 6 cannot be
/// judged), written together as "B2".
/// </summary>
public readonly record struct Grading(char Reliability, int Credibility)
{
    public static readonly Grading Ungraded = new('F', 6);

    public static bool TryParse(string? text, out Grading grading)
    {
        grading = Ungraded;
        if (text is not { Length: 2 })
        {
            return false;
        }

        var reliability = char.ToUpperInvariant(text[0]);
        var credibility = text[1] - '0';
        if (reliability is < 'A' or > 'F' || credibility is < 1 or > 6)
        {
            return false;
        }

        grading = new Grading(reliability, credibility);
        return true;
    }

    public override string ToString() => $"{Reliability}{Credibility}";
}
