using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Truce.Storage;

/// <summary>
/// The migrations of the store in use: each store keeps its own, generated, in its own folder and namespace
/// (<c>Migrations/Sqlite</c>, <c>Migrations/PostgreSql</c>) in this one assembly. EF Core's own lookup would
/// find both sets for the one context type; this one takes the set of the active provider.
/// </summary>
internal sealed class StoreMigrations(ICurrentDbContext current, IMigrationsIdGenerator ids) : IMigrationsAssembly
{
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations = new(() => Find(current.Context));
    private readonly Lazy<ModelSnapshot?> _snapshot = new(() => Snapshot(current.Context));

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public Assembly Assembly => typeof(StoreMigrations).Assembly;

    /// <summary>The namespace of a provider's migrations.</summary>
    public static string Namespace(DbContext context) =>
        "Truce.Storage.Migrations." + (context.Database.IsNpgsql() ? "PostgreSql" : "Sqlite");

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase))
        ?? Migrations.Keys.FirstOrDefault(id => string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private static IEnumerable<TypeInfo> Ours(DbContext context)
    {
        var ns = Namespace(context);
        return typeof(StoreMigrations).Assembly.DefinedTypes.Where(t =>
            t.Namespace == ns && !t.IsAbstract && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context.GetType());
    }

    // Sorted by id, which begins with the time the migration was made: the order they apply in.
    private static SortedDictionary<string, TypeInfo> Find(DbContext context) =>
        new(Ours(context)
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<MigrationAttribute>() is not null)
            .ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, t => t), StringComparer.Ordinal);

    private static ModelSnapshot? Snapshot(DbContext context) =>
        Ours(context).Where(t => t.IsSubclassOf(typeof(ModelSnapshot))).Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!).FirstOrDefault();
}
