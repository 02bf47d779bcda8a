namespace Truce.Core.Common;

/// <summary>What a request to a service came to. Each surface maps these once: to HTTP problem details, to a
/// page's model state, to a CLI exit code.</summary>
public enum OutcomeKind
{
    /// <summary>Done; the outcome carries the result.</summary>
    Done,

    /// <summary>Done, and a new record exists; the outcome carries it.</summary>
    Created,

    /// <summary>No such record, or none the principal may read (the two are not told apart).</summary>
    NotFound,

    /// <summary>The principal may not do this; the message says why.</summary>
    Refused,

    /// <summary>The request clashes with the state of the data (a name taken meanwhile by a concurrent writer).</summary>
    Conflict,

    /// <summary>Fields are wrong; <see cref="Outcome{T}.Errors"/> names each one and what was expected.</summary>
    Invalid,

    /// <summary>The record changed since the writer read it (a stale version): read it again, reapply.</summary>
    PreconditionFailed,

    /// <summary>A conditional write came without saying which version it changes.</summary>
    PreconditionRequired,

    /// <summary>Truce is doing as much of this as it may at once (plans); the caller tries again shortly.</summary>
    Busy,
}

/// <summary>
/// The one result type of Truce's services: a value when done, else the kind of refusal with its reason
/// (or, when invalid, every field at fault). Services never throw for what a caller did wrong.
/// </summary>
public sealed class Outcome<T>
{
    private readonly T? _value;

    internal Outcome(OutcomeKind kind, T? value, string? message, ValidationErrors? errors)
    {
        Kind = kind;
        _value = value;
        Message = message;
        Errors = errors;
    }

    public OutcomeKind Kind { get; }

    /// <summary>Why the request was refused; null when done or invalid (then <see cref="Errors"/> says).</summary>
    public string? Message { get; }

    /// <summary>The fields at fault when <see cref="Kind"/> is <see cref="OutcomeKind.Invalid"/>.</summary>
    public ValidationErrors? Errors { get; }

    public bool IsDone => Kind is OutcomeKind.Done or OutcomeKind.Created;

    /// <summary>The result; reading it from an outcome that is not done is a bug, so it throws.</summary>
    public T Value => IsDone ? _value! : throw new InvalidOperationException($"The outcome is {Kind}, not done: {Message ?? Errors?.ToString()}");

    /// <summary>This refusal, to pass up unchanged as an outcome of another type.</summary>
    public Outcome.Refusal AsRefusal() =>
        IsDone ? throw new InvalidOperationException("A done outcome is not a refusal.") : new(Kind, Message, Errors);

    public static implicit operator Outcome<T>(Outcome.Refusal refusal) => new(refusal.Kind, default, refusal.Message, refusal.Errors);
}

/// <summary>Refusals, written without naming the result type: <c>return Outcome.NotFound($"No pledge {id}.");</c></summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => new(OutcomeKind.Done, value, null, null);

    public static Outcome<T> Created<T>(T value) => new(OutcomeKind.Created, value, null, null);

    public static Refusal NotFound(string message) => new(OutcomeKind.NotFound, message, null);

    public static Refusal Refused(string message) => new(OutcomeKind.Refused, message, null);

    public static Refusal Conflict(string message) => new(OutcomeKind.Conflict, message, null);

    public static Refusal PreconditionFailed(string message) => new(OutcomeKind.PreconditionFailed, message, null);

    public static Refusal PreconditionRequired(string message) => new(OutcomeKind.PreconditionRequired, message, null);

    public static Refusal Busy(string message) => new(OutcomeKind.Busy, message, null);

    public static Refusal Invalid(ValidationErrors errors) =>
        errors.IsEmpty ? throw new ArgumentException("An invalid outcome names at least one field.", nameof(errors)) : new(OutcomeKind.Invalid, null, errors);

    /// <summary>One field at fault.</summary>
    public static Refusal Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    /// <summary>A refusal of any result type; converts implicitly to <see cref="Outcome{T}"/>.</summary>
    public readonly record struct Refusal(OutcomeKind Kind, string? Message, ValidationErrors? Errors)
    {
        public Outcome<T> As<T>() => this;
    }
}
