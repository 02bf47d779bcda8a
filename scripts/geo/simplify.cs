#:property PublishAot=false
#:package NetTopologySuite@2.6.0
#:package NetTopologySuite.IO.GeoJSON4STJ@4.0.0
// Prepares the geography Truce ships (data/geo/) from the OpenStreetMap extracts in ../shared/data/geo:
// the raions simplified as one coverage (shared borders stay shared: no gaps, no overlaps), and both
// layers with only the properties Truce reads. Run: dotnet run scripts/geo/simplify.cs <source folder> <data/geo>
using System.Text.Json;
using NetTopologySuite.Coverage;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

var (source, target) = (args[0], args[1]);
var options = new JsonSerializerOptions { WriteIndented = false };
options.Converters.Add(new GeoJsonConverterFactory());

FeatureCollection Read(string file) => JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(Path.Combine(source, file)), options)!;

void Write(string file, IEnumerable<IFeature> features)
{
    var collection = new FeatureCollection();
    foreach (var f in features)
    {
        collection.Add(f);
    }

    File.WriteAllText(Path.Combine(target, file), JsonSerializer.Serialize(collection, options));
    Console.WriteLine($"{file}: {collection.Count} features, {new FileInfo(Path.Combine(target, file)).Length:N0} bytes");
}

Feature Keep(IFeature f, Geometry geometry, params (string To, string From)[] names)
{
    var attributes = new AttributesTable();
    foreach (var (to, from) in names)
    {
        attributes.Add(to, f.Attributes.Exists(from) ? f.Attributes[from]?.ToString() : null);
    }

    return new Feature(geometry, attributes);
}

// Raions: one coverage, simplified together (about 500 m), each part kept valid.
var raions = Read("ukraine-raions-osm.geojson").ToList();
var simplified = CoverageSimplifier.Simplify(raions.Select(r => r.Geometry).ToArray(), 0.005);
Write("ukraine-raions.geojson", raions.Select((r, i) => Keep(r, simplified[i].IsValid ? simplified[i] : simplified[i].Buffer(0), ("katotth", "katotth"), ("name", "name"), ("name_en", "name_en"))));

// Oblasts: as OpenStreetMap draws them (already coarse), with the codes and names.
var oblasts = Read("ukraine-oblasts-osm.geojson").ToList();
Write("ukraine-oblasts.geojson", oblasts.Select(o => Keep(o, o.Geometry, ("iso3166_2", "iso3166-2"), ("koatuu", "koatuu"), ("name", "name"), ("name_en", "name:en"))));
