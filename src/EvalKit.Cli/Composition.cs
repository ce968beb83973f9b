using EvalKit.CodeScoring;
using EvalKit.Core.Datasets;
using EvalKit.Core.Scoring;
using EvalKit.Datasets;

namespace EvalKit.Cli;

/// <summary>The one place the CLI adds to Core what lives in other assemblies: the code scorer and the dataset formats.</summary>
public static class Composition
{
    /// <summary>Registers them; calling it again changes nothing.</summary>
    public static void Register()
    {
        ScorerCatalog.Register(CodeScorer.TypeName, CodeScorer.Entry);
        DatasetRegistry.Register(DatasetFormats.Catalog);
    }
}
