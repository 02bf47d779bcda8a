using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;

namespace Truce.Storage.Common;

/// <summary>
/// Keyset paging for any list: each sort is a key plus the id as tie-breaker; a page's cursor carries the
/// last row's key and id, and the next page starts strictly after them. Inserts between requests neither
/// skip nor repeat rows, and a page costs the same however deep it is. Nullable keys are coalesced in the
/// key expression so that the order is total.
/// </summary>
/// <typeparam name="T">The rows.</typeparam>
/// <typeparam name="TId">The rows' unique id, the last tie-breaker.</typeparam>
public sealed class Keyset<T, TId>(Expression<Func<T, TId>> id)
    where T : class
    where TId : struct, IParsable<TId>, IFormattable
{
    private readonly Dictionary<string, ISortKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Adds a sort by <paramref name="name"/>, with how its key is written into a cursor and read back.</summary>
    public Keyset<T, TId> Sort<TKey>(string name, Expression<Func<T, TKey>> key, Func<TKey, string> format, Func<string, TKey> parse)
    {
        _keys[name] = new SortKey<TKey>(key, format, parse);
        return this;
    }

    public IReadOnlyCollection<string> Sorts => _keys.Keys;

    /// <summary>Why a cursor cannot continue this sort (issued for another, or damaged), or null if it can.</summary>
    public string? CheckCursor(string? cursor, string sort)
    {
        if (cursor is null)
        {
            return null;
        }

        if (!Cursor.TryDecode(cursor, out var issuedFor, out var key, out var idText) || issuedFor != sort)
        {
            return $"This cursor does not belong to sort '{sort}'; start again without a cursor.";
        }

        var field = sort.TrimStart('-');
        return _keys.TryGetValue(field, out var sortKey) && sortKey.CanParse(key) && TId.TryParse(idText, CultureInfo.InvariantCulture, out _)
            ? null
            : "This cursor is damaged; start again without a cursor.";
    }

    /// <summary>Every row in the order of <paramref name="sort"/> (a key name, with a leading '-' for descending).</summary>
    public IQueryable<T> Ordered(IQueryable<T> query, string sort) => Key(sort).Order(query, id, sort.StartsWith('-'));

    /// <summary>
    /// The page after <paramref name="cursor"/> (checked with <see cref="CheckCursor"/> first), each row read
    /// as <paramref name="select"/> makes it (so a page need not load whole entities), and the cursor of the next page.
    /// </summary>
    public async Task<(List<TValue> Rows, string? Next)> PageAsync<TValue>(
        IQueryable<T> query, string sort, string? cursor, int limit, Expression<Func<T, TValue>> select, CancellationToken ct)
    {
        var key = Key(sort);
        var descending = sort.StartsWith('-');
        if (cursor is not null && Cursor.TryDecode(cursor, out _, out var after, out var afterId))
        {
            query = key.After(query, id, descending, after, TId.Parse(afterId, CultureInfo.InvariantCulture));
        }

        var rows = await key.Page(key.Order(query, id, descending), id, select, limit + 1, ct);
        if (rows.Count <= limit)
        {
            return (rows.Select(r => r.Value).ToList(), null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return (rows.Select(r => r.Value).ToList(), Cursor.Encode(sort, last.Key, last.Id.ToString(null, CultureInfo.InvariantCulture)));
    }

    private ISortKey Key(string sort) =>
        _keys.TryGetValue(sort.TrimStart('-'), out var key) ? key : throw new ArgumentException($"No sort '{sort}'; expected one of {string.Join(", ", _keys.Keys)}.", nameof(sort));

    /// <summary>A row as a page reads it: what the caller selected, with the row's sort key (as cursor text) and id.</summary>
    private sealed record Keyed<TValue>(TValue Value, string Key, TId Id);

    private interface ISortKey
    {
        bool CanParse(string key);

        Task<List<Keyed<TValue>>> Page<TValue>(IQueryable<T> ordered, Expression<Func<T, TId>> id, Expression<Func<T, TValue>> select, int take, CancellationToken ct);

        IQueryable<T> Order(IQueryable<T> query, Expression<Func<T, TId>> id, bool descending);

        IQueryable<T> After(IQueryable<T> query, Expression<Func<T, TId>> id, bool descending, string key, TId afterId);
    }

    private sealed class SortKey<TKey>(Expression<Func<T, TKey>> key, Func<TKey, string> format, Func<string, TKey> parse) : ISortKey
    {
        public bool CanParse(string text)
        {
            try
            {
                parse(text);
                return true;
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }

        // Reads the selected value, the key and the id in one query, then writes the key as cursor text.
        public async Task<List<Keyed<TValue>>> Page<TValue>(IQueryable<T> ordered, Expression<Func<T, TId>> id, Expression<Func<T, TValue>> select, int take, CancellationToken ct)
        {
            var row = key.Parameters[0];
            var shape = typeof(Shaped<TValue>).GetConstructors().Single();
            var body = Expression.New(shape, new Rebind(select.Parameters[0], row).Visit(select.Body), key.Body, new Rebind(id.Parameters[0], row).Visit(id.Body));
            var rows = await ordered.Select(Expression.Lambda<Func<T, Shaped<TValue>>>(body, row)).Take(take).ToListAsync(ct);
            return rows.Select(r => new Keyed<TValue>(r.Value, format(r.Key), r.Id)).ToList();
        }

        private sealed record Shaped<TValue>(TValue Value, TKey Key, TId Id);

        public IQueryable<T> Order(IQueryable<T> query, Expression<Func<T, TId>> id, bool descending) =>
            descending ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id);

        // key > after OR (key = after AND id > afterId), or with < when descending.
        public IQueryable<T> After(IQueryable<T> query, Expression<Func<T, TId>> id, bool descending, string text, TId afterId)
        {
            var row = key.Parameters[0];
            var rowId = new Rebind(id.Parameters[0], row).Visit(id.Body);
            var value = Expression.Property(Expression.Constant(new Holder<TKey>(parse(text))), nameof(Holder<TKey>.Value));
            var idValue = Expression.Property(Expression.Constant(new Holder<TId>(afterId)), nameof(Holder<TId>.Value));
            var body = Expression.OrElse(
                Beyond(key.Body, value, descending),
                Expression.AndAlso(Expression.Equal(key.Body, value), Beyond(rowId, idValue, descending)));
            return query.Where(Expression.Lambda<Func<T, bool>>(body, row));
        }

        private static BinaryExpression Beyond(Expression left, Expression right, bool descending)
        {
            if (left.Type == typeof(string))
            {
                left = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
                right = Expression.Constant(0);
            }

            return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
        }
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    // Wrapping a value in an object makes EF send it as a SQL parameter instead of inlining it.
    private sealed record Holder<TValue>(TValue Value);

    private static class Cursor
    {
        public static string Encode(string sort, string key, string id) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sort}\n{key}\n{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryDecode(string cursor, out string sort, out string key, out string id)
        {
            sort = key = id = string.Empty;
            try
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - (padded.Length % 4)) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('\n');
                if (parts.Length != 3)
                {
                    return false;
                }

                (sort, key, id) = (parts[0], parts[1], parts[2]);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}

/// <summary>How sort keys of common types are written into a cursor and read back.</summary>
public static class KeyText
{
    public static string Of<TValue>(TValue value)
        where TValue : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    public static long ParseLong(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("O", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "O", CultureInfo.InvariantCulture);

    public static string Instant(DateTime at) => at.Ticks.ToString(CultureInfo.InvariantCulture);

    public static DateTime ParseInstant(string text) => new(ParseLong(text), DateTimeKind.Utc);
}
