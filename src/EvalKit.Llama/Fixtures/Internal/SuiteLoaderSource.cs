using EvalKit.Core;
using EvalKit.Core.Suites;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>The production <see cref="ISuiteSource"/>: EvalKit.Core's suite loader.</summary>
internal sealed class SuiteLoaderSource : ISuiteSource
{
    public static SuiteLoaderSource Instance { get; } = new();

    // MERGE: becomes `SuiteLoader.LoadAll(paths)` once EvalKit.Core.Suites.SuiteLoader (feat/suites) is merged.
    public IReadOnlyList<Suite> LoadAll(IReadOnlyList<string> paths) =>
        throw new EvalKitException(
            "This build cannot load suites for fixture specs yet (EvalKit.Core's SuiteLoader is not merged).",
            "Use 'pairs:' in the fixture spec for now.");
}
