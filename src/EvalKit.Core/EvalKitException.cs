namespace EvalKit.Core;

/// <summary>
/// An error the user can fix: bad input, a missing file, a model that cannot be loaded. A front end prints
/// <see cref="Text"/> and <see cref="HintText"/> in its own words (the CLI without a stack trace) and signals
/// <see cref="Kind"/> its own way (the CLI as an exit code). <see cref="Exception.Message"/> and <see cref="Hint"/>
/// are the neutral wording. Create these through static factories (such as <see cref="Errors"/>) so the wording
/// lives in one place.
/// </summary>
public class EvalKitException(ErrorText message, ErrorText? hint = null, ErrorKind kind = ErrorKind.BadInput, Exception? inner = null)
    : Exception(message.ToString(), inner)
{
    public ErrorKind Kind { get; } = kind;

    /// <summary>The message, with the settings and operations it names kept for the front end to word.</summary>
    public ErrorText Text { get; } = message;

    /// <summary>What to do about it, with the settings and operations it names kept for the front end to word.</summary>
    public ErrorText? HintText { get; } = hint;

    /// <summary>The hint in neutral wording.</summary>
    public string? Hint => HintText?.ToString();
}
