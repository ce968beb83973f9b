using EvalKit.Core.Suites;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>Loads the suites a fixture spec lists; a seam so that tests can supply suites built in code.</summary>
internal interface ISuiteSource
{
    IReadOnlyList<Suite> LoadAll(IReadOnlyList<string> paths);
}
