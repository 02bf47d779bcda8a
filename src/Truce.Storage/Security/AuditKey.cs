using System.Globalization;
using System.Security.Cryptography;

namespace Truce.Storage.Security;

/// <summary>
/// What keeps the audit trail honest from outside the database: the key its entries are hashed with
/// (HMAC-SHA256), so that whoever can write the database file but not read the key cannot recompute a forged
/// tail; and the anchor, a log of the chain's head after each save, so that removing the last entries (or
/// all of them) is seen. Both are files the operator places (<c>Audit:KeyFile</c>, <c>Audit:AnchorFile</c>);
/// beside the database by default, where they protect against mistakes and tools, not against the owner
/// of the disk. Move them elsewhere — another disk, another host, an append-only mount — to protect more.
/// </summary>
public sealed class AuditKey(StorageOptions options)
{
    private readonly Lock _lock = new();
    private (byte[] Key, long KeyedAfter)? _key;

    public string KeyPath => options.AuditKeyPath ?? Beside("audit.key");

    public string AnchorPath => options.AuditAnchorPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(KeyPath))!, "audit-anchor.log");

    /// <summary>
    /// The key, and the last entry made before it existed (entries up to it keep their plain hashes). Made at
    /// the first save that chains an entry, with <paramref name="head"/> the chain's head then.
    /// </summary>
    public (byte[] Key, long KeyedAfter) GetOrCreate(long head)
    {
        lock (_lock)
        {
            if ((_key ??= Read()) is { } known)
            {
                return known;
            }

            var key = RandomNumberGenerator.GetBytes(32);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(KeyPath))!);
            try
            {
                // CreateNew: a second process that got here first keeps its key, and this one reads it.
                using var file = new FileStream(KeyPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(file);
                writer.Write($"{Convert.ToHexStringLower(key)}\nkeyed-after {head.ToString(CultureInfo.InvariantCulture)}\n");
            }
            catch (IOException) when (File.Exists(KeyPath))
            {
                return (_key = Read())!.Value;
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return (_key = (key, head)).Value;
        }
    }

    /// <summary>The key if there is one; null before the first entry was chained with one.</summary>
    public (byte[] Key, long KeyedAfter)? Existing()
    {
        lock (_lock)
        {
            return _key ??= Read();
        }
    }

    /// <summary>Records the chain's head after a save. A failure to write it is the caller's to log, not to fail the save.</summary>
    public void Anchor(long seq, string hash) =>
        File.AppendAllText(AnchorPath, $"{seq.ToString(CultureInfo.InvariantCulture)} {hash}\n");

    /// <summary>The highest head among the anchor's last lines (several processes may append out of order), or null.</summary>
    public (long Seq, string Hash)? LastAnchor()
    {
        if (!File.Exists(AnchorPath))
        {
            return null;
        }

        return File.ReadLines(AnchorPath).TakeLast(1000)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2 && parts[1].Length == 64 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)) // a line cut short by a crash is not a head
            .Select(parts => (Seq: long.Parse(parts[0], CultureInfo.InvariantCulture), Hash: parts[1]))
            .OrderByDescending(a => a.Seq)
            .Cast<(long, string)?>()
            .FirstOrDefault();
    }

    private (byte[] Key, long KeyedAfter)? Read()
    {
        if (!File.Exists(KeyPath))
        {
            return null;
        }

        var lines = File.ReadAllLines(KeyPath);
        if (lines.Length < 2 || !lines[1].StartsWith("keyed-after ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The audit key file {KeyPath} is not a key Truce wrote (expected the key, then 'keyed-after N').");
        }

        return (Convert.FromHexString(lines[0].Trim()), long.Parse(lines[1]["keyed-after ".Length..], CultureInfo.InvariantCulture));
    }

    private string Beside(string name) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath))!, name);
}
