using EvalKit.Core.Datasets.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Datasets;

/// <summary>
/// <c>gsm8k</c>: GSM8K JSON Lines, <c>{question, answer}</c>. The expected answer is the number after <c>####</c> on
/// the worked solution's last line, commas removed; the solution itself is kept as metadata.
/// </summary>
public sealed class Gsm8kImporter : IDatasetImporter
{
    public string Format => "gsm8k";

    public string Description => "GSM8K JSON Lines {question, answer}; the gold number follows '####'.";

    public SuiteKind Kind => SuiteKind.Accuracy;

    public ScorerSpec Scorer { get; } = new("numeric", new Dictionary<string, string>());

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var row in JsonLines.Read(path, collector))
            collector.Add(path, row.Line, () => Map(row));
        return collector.Result();
    }

    private static EvalCase Map(JsonRow row)
    {
        var question = row.Text("question");
        var solution = row.Text("answer");
        var marker = solution.LastIndexOf("####", StringComparison.Ordinal);
        var gold = marker < 0 ? "" : solution[(marker + 4)..].Trim().Replace(",", "");
        if (gold.Length == 0)
            throw new RowException("'answer' does not end with '#### <number>'");
        return new EvalCase
        {
            Id = $"gsm8k-{row.Line}",
            Prompt = $"Question: {question}\nAnswer:",
            Expected = [gold],
            Metadata = new Dictionary<string, string> { ["solution"] = solution },
        };
    }
}
