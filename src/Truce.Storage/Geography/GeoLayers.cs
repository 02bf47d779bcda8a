using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Truce.Core.Common;
using Truce.Core.Geography;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Security;

namespace Truce.Storage.Geography;

/// <summary>
/// The geography layers, version by version: an import that checks every feature (repairing what can be
/// repaired and saying so, refusing the whole version with each bad feature named when one cannot be), and
/// the reads placement and the map need — which version of each layer holds on a date, and a version's
/// features, near a place if asked.
/// </summary>
public sealed class GeoLayers(TruceDb db, TimeProvider clock, AuditTrail audit)
{
    /// <summary>The most features one version may hold (the raion layer has 126; a layer of sectors a few dozen).</summary>
    public const int MaxFeatures = 20_000;

    public async Task<Outcome<LayerVersionView>> ImportAsync(Principal writer, LayerUpload upload, string geoJson, CancellationToken ct = default)
    {
        if (AllowedRoles.EditAgreements.Check(writer, "import geography layers") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var errors = new ValidationErrors();
        var key = TextRules.Read(upload.Key, 100, errors, "key");
        if (key is null && !errors.Has("key"))
        {
            errors.Add("key", "Required: the layer's key, e.g. line-of-contact.");
        }
        else if (key is not null && !TextRules.IsKey(key))
        {
            errors.Add("key", $"'{key}' is not a key; expected lower-case letters, digits and hyphens, e.g. line-of-contact.");
        }

        if (!Kebab.TryParse(upload.Kind, out LayerKind kind))
        {
            errors.Add("kind", $"'{upload.Kind}' is not a kind of layer; expected one of {Kebab.Choices<LayerKind>()}.");
        }

        var title = TextRules.Read(upload.Title, 300, errors, "title");
        if (title is null && !errors.Has("title"))
        {
            errors.Add("title", "Required: what the layer shows, in words.");
        }

        if (upload.ValidFrom is not { } validFrom)
        {
            errors.Add("validFrom", "Required: the date from which this version holds (yyyy-MM-dd).");
            validFrom = default;
        }
        else
        {
            DomainLimits.CheckDate(validFrom, errors, "validFrom");
        }

        var source = TextRules.Read(upload.Source, 1000, errors, "source");
        var licence = TextRules.Read(upload.Licence, 300, errors, "licence");
        var marking = await MarkingChecks.ReadAsync(db, upload.Marking, writer.MemberCode ?? string.Empty, writer, errors, ct);

        // A layer keeps its kind from version to version, and each date is taken once.
        if (key is not null && !errors.Has("key") && !errors.Has("kind") && upload.ValidFrom is not null)
        {
            var earlier = await db.LayerVersions.AsNoTracking().Where(v => v.Key == key).Select(v => new { v.Kind, v.ValidFrom }).ToListAsync(ct);
            if (earlier.Find(v => v.Kind != kind) is { } other)
            {
                errors.Add("kind", $"The layer {key} holds {Kebab.Of(other.Kind)}; a version of it cannot hold {Kebab.Of(kind)}.");
            }
            else if (errors.IsEmpty && earlier.Exists(v => v.ValidFrom == validFrom))
            {
                return Outcome.Conflict($"The layer {key} already has a version valid from {validFrom:yyyy-MM-dd}; give the new one its own date.");
            }
        }

        LayerImportResult? read = null;
        if (!errors.Has("kind"))
        {
            read = ReadFeatures(geoJson, kind, errors);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var repairs = read!.Features.Where(f => f.Repaired is not null).Select(f => $"feature {f.Index}: {f.Repaired}").ToList();
        var version = new LayerVersion
        {
            Key = key!,
            Kind = kind,
            Title = title!,
            ValidFrom = validFrom,
            Source = source,
            Licence = licence,
            Marking = marking!,
            FeatureCount = read.Features.Count,
            Repairs = repairs.Count == 0 ? null : Shorten(string.Join("; ", repairs)),
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
            ImportedBy = writer.Name,
        };

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (transaction)
        {
            db.LayerVersions.Add(version);
            await db.SaveChangesAsync(ct);
            foreach (var feature in read.Features)
            {
                db.LayerFeatures.Add(ToFeature(version, kind, feature));
            }

            audit.Append(writer, "layer.imported", $"layer/{version.Key}/{version.ValidFrom:yyyy-MM-dd}", detail: $"{version.Title}: {version.FeatureCount} features, {repairs.Count} repaired ({version.Marking})");
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }

        db.ChangeTracker.Clear();
        return Outcome.Created(LayerVersionView.From(version, await NextAsync(version, ct)));
    }

    /// <summary>Every layer version the reader may see, by layer and date.</summary>
    public async Task<IReadOnlyList<LayerVersionView>> VersionsAsync(Principal reader, string? key = null, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var query = db.LayerVersions.AsNoTracking();
        if (key is not null)
        {
            query = query.Where(v => v.Key == key);
        }

        var versions = await query.OrderBy(v => v.Key).ThenBy(v => v.ValidFrom).ToListAsync(ct);
        return versions.Select((v, i) => LayerVersionView.From(v, i + 1 < versions.Count && versions[i + 1].Key == v.Key ? versions[i + 1].ValidFrom : null)).ToList();
    }

    /// <summary>For each layer, the version that holds on <paramref name="on"/> (the latest valid from then or before), as the reader may see them.</summary>
    public async Task<IReadOnlyList<LayerVersion>> InForceAsync(Principal reader, DateOnly on, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var versions = await db.LayerVersions.AsNoTracking().Where(v => v.ValidFrom <= on).ToListAsync(ct);
        return versions.GroupBy(v => v.Key, StringComparer.Ordinal).Select(g => g.MaxBy(v => v.ValidFrom)!).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<Outcome<LayerVersionView>> VersionAsync(Principal reader, int id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var version = await db.LayerVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        return version is null ? Outcome.NotFound($"No layer version {id}.") : Outcome.Done(LayerVersionView.From(version, await NextAsync(version, ct)));
    }

    /// <summary>
    /// A version's features, all of them or those meeting a box (west, south, east, north). On PostgreSQL the
    /// box is tested against the geometry in the database (GiST index); on SQLite the indexed bounding boxes
    /// narrow the rows and the exact test runs here.
    /// </summary>
    public async Task<IReadOnlyList<LayerFeature>> FeaturesAsync(Principal reader, int versionId, Envelope? box = null, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var query = db.LayerFeatures.AsNoTracking().Where(f => f.LayerVersionId == versionId);
        if (box is null)
        {
            return await query.OrderBy(f => f.Index).ToListAsync(ct);
        }

        if (db.Database.IsNpgsql())
        {
            var area = new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(box);
            return await query.Where(f => f.Geometry.Intersects(area)).OrderBy(f => f.Index).ToListAsync(ct);
        }

        var near = await query
            .Where(f => f.MinLon <= box.MaxX && f.MaxLon >= box.MinX && f.MinLat <= box.MaxY && f.MaxLat >= box.MinY)
            .OrderBy(f => f.Index).ToListAsync(ct);
        var exact = new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(box);
        return near.Where(f => f.Geometry.Intersects(exact)).ToList();
    }

    private async Task<DateOnly?> NextAsync(LayerVersion version, CancellationToken ct) =>
        await db.LayerVersions.AsNoTracking().Where(v => v.Key == version.Key && v.ValidFrom > version.ValidFrom)
            .OrderBy(v => v.ValidFrom).Select(v => (DateOnly?)v.ValidFrom).FirstOrDefaultAsync(ct);

    private static LayerImportResult? ReadFeatures(string geoJson, LayerKind kind, ValidationErrors errors)
    {
        LayerImportResult read;
        try
        {
            read = LayerImport.Read(geoJson, LayerVersion.IsLine(kind) ? Shape.Line : Shape.Areas);
        }
        catch (InvalidDataException e)
        {
            errors.Add("geojson", e.Message);
            return null;
        }

        foreach (var rejected in read.Rejected)
        {
            errors.Add($"geojson.features[{rejected.Index}]", $"Feature {rejected.Index} cannot be taken: {rejected.Reason}.");
        }

        if (read.Features.Count == 0 && read.Rejected.Count == 0)
        {
            errors.Add("geojson", "The collection holds no features.");
        }
        else if (read.Features.Count > MaxFeatures)
        {
            errors.Add("geojson", $"At most {MaxFeatures.ToString("N0", CultureInfo.InvariantCulture)} features in one version; got {read.Features.Count.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        if (CodeProperty(kind) is { } code)
        {
            foreach (var feature in read.Features.Where(f => string.IsNullOrWhiteSpace(f.Properties.GetValueOrDefault(code))).Take(10))
            {
                errors.Add($"geojson.features[{feature.Index}]", $"Feature {feature.Index} has no '{code}' property; every feature of a layer of {Kebab.Of(kind)} needs its code.");
            }
        }

        return read;
    }

    /// <summary>The property that holds each feature's code: ISO 3166-2 for oblasts, KATOTTH for raions, else <c>code</c>.</summary>
    private static string? CodeProperty(LayerKind kind) => kind switch
    {
        LayerKind.Oblasts => "iso3166_2",
        LayerKind.Raions => "katotth",
        _ => null,
    };

    private static LayerFeature ToFeature(LayerVersion version, LayerKind kind, ImportedFeature feature)
    {
        var p = feature.Properties;
        string? Text(string name, int max) => p.GetValueOrDefault(name) is { Length: > 0 } v ? (v.Length <= max ? v : v[..max]) : null;
        var geometry = feature.Geometry.Copy();
        geometry.SRID = 4326;
        var box = geometry.EnvelopeInternal;
        return new LayerFeature
        {
            LayerVersionId = version.Id,
            Index = feature.Index,
            Marking = version.Marking.Copy(),
            Code = Text(CodeProperty(kind) ?? "code", 64),
            Name = Text("name_en", 300) ?? Text("name", 300),
            LeftParty = Text("left", 64),
            RightParty = Text("right", 64),
            PropertiesJson = JsonSerializer.Serialize(p),
            Geometry = geometry,
            MinLon = box.MinX,
            MinLat = box.MinY,
            MaxLon = box.MaxX,
            MaxLat = box.MaxY,
        };
    }

    private static string Shorten(string text) => text.Length <= 4000 ? text : text[..3999] + "…";
}
