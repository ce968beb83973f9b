using EvalKit.Core;

namespace EvalKit.Cli;

/// <summary>The documented process exit codes of <c>evalkit</c> (docs/exit-codes.md), and the one map from error kinds to them.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran and every gate passed.</summary>
    public const int Ok = 0;

    /// <summary>The run completed but a quality gate failed.</summary>
    public const int GateFailed = 1;

    /// <summary>Bad input: a malformed suite, a missing model file, an unknown option.</summary>
    public const int BadInput = 2;

    /// <summary>Something outside the user's input failed (a model crashed, the disk is full).</summary>
    public const int RuntimeFailure = 3;

    /// <summary>Cancelled with Ctrl+C; what was written so far is kept.</summary>
    public const int Cancelled = 130;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => BadInput,
        ErrorKind.Cancelled => Cancelled,
        _ => RuntimeFailure,
    };
}
