using EvalKit.Core.Kinds;

namespace EvalKit.Core.Suites;

/// <summary>
/// Where a suite's <c>dataset.path</c> may point besides the suite file's own folder. A suite may not read files
/// elsewhere (an absolute path, or <c>..</c> out of its folder) unless they lie under one of <see cref="DataRoots"/>.
/// </summary>
public sealed record SuiteLoadOptions
{
    /// <summary>The environment variable that lists data roots, separated by <see cref="Path.PathSeparator"/>.</summary>
    public const string DataRootVariable = "EVALKIT_DATA";

    /// <summary>Folders whose files any suite may read; a relative dataset path not found beside the suite is looked up in them too.</summary>
    public IReadOnlyList<string> DataRoots { get; init; } = [];

    /// <summary>The suite kinds a suite file may name (<c>kind:</c>); the built-ins unless a caller adds its own.</summary>
    public SuiteKindCatalog Kinds { get; init; } = SuiteKindCatalog.Default;

    /// <summary>The data roots named by <c>EVALKIT_DATA</c>; what the loader uses when no options are given.</summary>
    public static SuiteLoadOptions FromEnvironment() => new()
    {
        DataRoots = (Environment.GetEnvironmentVariable(DataRootVariable) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };
}
