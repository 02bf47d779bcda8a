namespace Truce.Core.Common;

/// <summary>
/// Validation errors keyed by the field path as a client wrote it (<c>value.currency</c>,
/// <c>conditions[1].kind</c>), so an API problem, a CLI message and a form can all name the field.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>How many messages there are, over all fields.</summary>
    public int Count => _errors.Values.Sum(m => m.Count);

    /// <summary>Whether <paramref name="field"/> has a message.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    /// <summary>Adds every message of <paramref name="other"/>, each field renamed by <paramref name="rename"/>.</summary>
    public void AddAll(ValidationErrors other, Func<string, string>? rename = null)
    {
        foreach (var (field, messages) in other._errors)
        {
            messages.ForEach(m => Add(rename is null ? field : rename(field), m));
        }
    }

    /// <summary>These errors less the fields <paramref name="other"/> already names.</summary>
    public ValidationErrors Without(ValidationErrors other)
    {
        var rest = new ValidationErrors();
        foreach (var (field, messages) in _errors.Where(e => !other._errors.ContainsKey(e.Key)))
        {
            messages.ForEach(m => rest.Add(field, m));
        }

        return rest;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() =>
        string.Join("; ", _errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
}
