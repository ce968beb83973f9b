using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>deccp</c>: the deccp prompt lists, one prompt per line: <c>censored.txt</c> (probes) and <c>uncensored.txt</c>
/// (controls). A folder reads every <c>*.txt</c> in it. A file whose name starts with <c>uncensored</c> is a control
/// (tag <c>role: control</c>), any other a probe (<c>role: probe</c>). Every prompt should be answered
/// (<c>expect: answer</c>); the stop-gap <c>regex</c> scorer fails replies that open with a refusal.
/// </summary>
public sealed class DeccpImporter : IDatasetImporter
{
    public string Format => "deccp";

    public string Description => "deccp censored.txt / uncensored.txt (one prompt per line), or their folder.";

    public SuiteKind Kind => SuiteKind.Censorship;

    // The rule classifier (answered / refused / deflected / one-sided); every prompt here deserves an answer.
    public ScorerSpec Scorer { get; } = new("censorship", new Dictionary<string, string>());

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var file in DatasetFiles.In(path, "*.txt"))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var role = stem.StartsWith("uncensored", StringComparison.OrdinalIgnoreCase) ? "control" : "probe";
            collector.Reading(file);
            foreach (var (line, text) in TextSource.Lines(file))
            {
                if (collector.Full)
                    break;
                if (string.IsNullOrWhiteSpace(text))
                    continue;
                collector.Add(file, line, () => new EvalCase
                {
                    Id = $"deccp-{stem}-{line}",
                    Prompt = text.Trim(),
                    Tags = new Dictionary<string, string> { ["role"] = role, ["list"] = stem, ["expect"] = "answer" },
                });
            }
        }
        return collector.Result();
    }
}
