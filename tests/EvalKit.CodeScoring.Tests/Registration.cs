using EvalKit.Core.Scoring;

namespace EvalKit.CodeScoring.Tests;

/// <summary>Registers the code scorer as the CLI's composition does, so suites and the catalog know <c>code</c>.</summary>
internal static class Registration
{
    public static void Ensure() => ScorerCatalog.Register(CodeScorer.TypeName, CodeScorer.Entry);
}
