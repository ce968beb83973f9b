namespace EvalKit.Core;

/// <summary>
/// Something the user can do with EvalKit, named in an <see cref="ErrorText"/> (a hint saying "resume the run with
/// ..."); the CLI words each as its command (<c>evalkit run</c>).
/// </summary>
public enum Operation
{
    /// <summary>Running suites against models.</summary>
    Run,

    /// <summary>Checking suite files without loading a model.</summary>
    Validate,

    /// <summary>Turning a dataset file into a suite.</summary>
    Import,

    /// <summary>Joining the result folders of a run's shards.</summary>
    Merge,
}
