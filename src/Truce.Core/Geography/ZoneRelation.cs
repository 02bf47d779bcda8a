namespace Truce.Core.Geography;

/// <summary>Where an observation's footprint lies against a zone.</summary>
public enum ZoneRelation
{
    /// <summary>Wholly inside (its border included).</summary>
    Inside,

    /// <summary>Wholly outside.</summary>
    Outside,

    /// <summary>Partly inside and partly outside: the observation cannot say on which side it happened.</summary>
    Straddles,
}
