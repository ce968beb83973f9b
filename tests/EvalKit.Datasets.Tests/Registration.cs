using EvalKit.CodeScoring;
using EvalKit.Core.Datasets;
using EvalKit.Core.Scoring;

namespace EvalKit.Datasets.Tests;

/// <summary>
/// Registers the dataset formats and the code scorer as the CLI's composition does, so suites can name both
/// (imported HumanEval and MBPP suites are scored by <c>code</c>).
/// </summary>
internal static class Registration
{
    public static void Ensure()
    {
        DatasetRegistry.Register(DatasetFormats.Catalog);
        ScorerCatalog.Register(CodeScorer.TypeName, CodeScorer.Entry);
    }
}
