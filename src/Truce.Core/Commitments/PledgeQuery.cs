using Truce.Core.Common;

namespace Truce.Core.Commitments;

/// <summary>
/// A filtered, sorted page of the ledger. Sorting names a field, with a leading minus for descending;
/// pages continue from an opaque cursor so that inserts between requests neither skip nor repeat rows.
/// </summary>
public sealed record PledgeQuery
{
    private static TEnum? Word<TEnum>(string? text, string field, string noun, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Kebab.TryParse(text, out TEnum value))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not {noun}; expected one of {Kebab.Choices<TEnum>()}.");
        return null;
    }

    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static readonly IReadOnlyList<string> SortFields = ["member", "title", "quantity", "value", "readiness", "announced", "updated"];

    public string? Member { get; init; }

    public PledgeCategory? Category { get; init; }

    public PledgeStage? Stage { get; init; }

    public ConditionKind? Condition { get; init; }

    public string? Search { get; init; }

    public string SortField { get; init; } = "member";

    public bool Descending { get; init; }

    public string? Cursor { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public string Sort => (Descending ? "-" : string.Empty) + SortField;

    /// <summary>Reads the query from the words a person or a URL gives, naming each parameter that is wrong.</summary>
    public static PledgeQuery Parse(
        string? member, string? category, string? stage, string? condition, string? search, string? sort, string? cursor, int? limit, out ValidationErrors errors)
    {
        errors = new ValidationErrors();
        var cat = Word<PledgeCategory>(category, "category", "a category", errors);
        var stg = Word<PledgeStage>(stage, "stage", "a stage", errors);
        var cond = Word<ConditionKind>(condition, "condition", "a condition", errors);
        var sortText = string.IsNullOrWhiteSpace(sort) ? "member" : sort.Trim();
        var descending = sortText.StartsWith('-');
        var field = sortText.TrimStart('-');
        if (!SortFields.Contains(field))
        {
            errors.Add("sort", $"'{sort}' is not a sort; expected one of {string.Join(", ", SortFields)}, with a leading '-' for descending.");
        }

        if (limit is { } l && (l < 1 || l > MaxLimit))
        {
            errors.Add("limit", $"Must be between 1 and {MaxLimit}; got {l}.");
        }

        return new PledgeQuery
        {
            Member = string.IsNullOrWhiteSpace(member) ? null : member.Trim(),
            Category = cat,
            Stage = stg,
            Condition = cond,
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            SortField = field,
            Descending = descending,
            Cursor = string.IsNullOrWhiteSpace(cursor) ? null : cursor.Trim(),
            Limit = limit ?? DefaultLimit,
        };
    }

    /// <summary>The filters in words, for an export's audit entry.</summary>
    public string Describe() => string.Join(
        ", ",
        new[]
        {
            Member is null ? null : $"member={Member}",
            Category is null ? null : $"category={Kebab.Of(Category.Value)}",
            Stage is null ? null : $"stage={Kebab.Of(Stage.Value)}",
            Condition is null ? null : $"condition={Kebab.Of(Condition.Value)}",
            Search is null ? null : $"q={Search}",
        }.Where(x => x is not null).DefaultIfEmpty("none"));
}
