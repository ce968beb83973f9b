using EvalKit.Core.Suites;

namespace EvalKit.Core.Datasets;

/// <summary>The cases read from a dataset, the rows that could not be read, and every file that was read.</summary>
public sealed record DatasetImportResult(IReadOnlyList<EvalCase> Cases, IReadOnlyList<DatasetProblem> Problems, IReadOnlyList<string> Files)
{
    /// <summary>The few-shot examples put into the cases (<see cref="DatasetImportOptions.FewShot"/>); null for none.</summary>
    public FewShotSpec? FewShot { get; init; }
}
