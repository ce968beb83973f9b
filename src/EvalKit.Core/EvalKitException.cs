namespace EvalKit.Core;

/// <summary>
/// An error the user can fix: bad input, a missing file, a model that cannot be loaded. The CLI prints
/// <see cref="Exception.Message"/> and <see cref="Hint"/> without a stack trace and exits with <see cref="ExitCode"/>.
/// Create these through the static factories on <see cref="Errors"/> so the wording lives in one place.
/// </summary>
public class EvalKitException(string message, string? hint = null, int exitCode = ExitCodes.BadInput, Exception? inner = null)
    : Exception(message, inner)
{
    public string? Hint { get; } = hint;

    public int ExitCode { get; } = exitCode;
}
