using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Geography;

namespace Truce.Storage.Geography;

/// <summary>The geography's part of the demo data: the layers shipped in data/geo, imported as an analyst would, each version once.</summary>
internal static class GeographyDemoData
{
    /// <returns>How many versions were imported now (those already there are left as they are).</returns>
    public static async Task<int> LoadAsync(TruceDb db, GeoLayers layers, Principal loader, JsonArray items, string geoFolder, CancellationToken ct)
    {
        var imported = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"layers.json[{i}]";
            var upload = DemoFiles.Entry<LayerUpload>(items[i]!, where);
            var file = items[i]!["file"]?.GetValue<string>();
            var path = file is null ? null : Path.Combine(geoFolder, file);
            if (path is null || !File.Exists(path))
            {
                throw new DemoDataException($"{where}.file: '{file}' is not in {geoFolder}.");
            }

            if (await db.LayerVersions.AnyAsync(v => v.Key == upload.Key && v.ValidFrom == upload.ValidFrom, ct))
            {
                continue;
            }

            var result = await layers.ImportAsync(loader, upload, await File.ReadAllTextAsync(path, ct), ct);
            if (!result.IsDone)
            {
                throw new DemoDataException($"{where} ({upload.Key}): {result.Errors?.ToString() ?? result.Message}");
            }

            imported++;
        }

        return imported;
    }

    /// <summary>Where the shipped layers are: beside the program (data/geo).</summary>
    public static string Folder => GeoJsonLayer.ShippedFolder;
}
