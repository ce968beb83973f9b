namespace EvalKit.Core.Running.Internal;

/// <summary>The observer of a run that asked for none.</summary>
internal sealed class SilentObserver : IRunObserver
{
    public static readonly IRunObserver Instance = new SilentObserver();
}
