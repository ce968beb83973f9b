using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// A format whose dataset ships a train or dev split to draw few-shot examples from, and how an example is shown, in
/// lm-evaluation-harness's layout: the query as the case's prompt writes it, then the target after a space.
/// </summary>
internal interface IFewShotSource
{
    /// <summary>The split to draw from, as a user would look for it ("the train split, train.jsonl beside test.jsonl").</summary>
    string FewShotSplit { get; }

    /// <summary>Where the split of the dataset at <paramref name="path"/> is (a file or folder; it may not exist).</summary>
    string? FewShotPool(string path);

    /// <summary>A line that heads the whole prompt once (MMLU's subject line), and the rest of the case's prompt.</summary>
    (string Header, string Body) Split(EvalCase evalCase) => ("", evalCase.Prompt ?? "");

    /// <summary>The solved answer an example shows after its query.</summary>
    string Target(EvalCase example);

    /// <summary>Examples are drawn from those with the case's key (MMLU: its subject); empty for the whole split.</summary>
    string PoolKey(EvalCase evalCase) => "";
}
