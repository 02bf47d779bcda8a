using System.Collections.Concurrent;

namespace Truce.Storage.Geography;

/// <summary>
/// What is built once per layer version and reused (a placer's indexes, a provision's zones), keyed by the
/// versions it was built from; a new version is a new key, so nothing stale is ever served. Bounded: past
/// <see cref="Capacity"/> entries the cache starts afresh, which only costs a rebuild.
/// </summary>
public sealed class GeometryCache<T>(int capacity)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _built = new(StringComparer.Ordinal);

    public int Capacity { get; } = capacity;

    public Task<T> GetAsync(string key, Func<Task<T>> build)
    {
        if (_built.Count >= Capacity && !_built.ContainsKey(key))
        {
            _built.Clear();
        }

        var lazy = _built.GetOrAdd(key, _ => new Lazy<Task<T>>(build));
        var task = lazy.Value;

        // A build that failed is not kept: the next caller tries again.
        if (task.IsFaulted || task.IsCanceled)
        {
            _built.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, lazy));
        }

        return task;
    }
}
