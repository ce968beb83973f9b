namespace EvalKit.Core;

/// <summary>
/// What kind of failure an <see cref="EvalKitException"/> is. Each front end maps kinds to its own signal in one
/// place: the CLI to exit codes (docs/exit-codes.md), <c>evalkit serve</c> to HTTP status codes.
/// </summary>
public enum ErrorKind
{
    /// <summary>Something the user gave is wrong (a malformed suite, a missing file, a value out of range); nothing expensive ran.</summary>
    BadInput,

    /// <summary>Something outside the user's input failed: a full disk, a model that could not run, an endpoint that kept failing.</summary>
    RuntimeFailure,

    /// <summary>The user cancelled; what was written so far is kept.</summary>
    Cancelled,
}
