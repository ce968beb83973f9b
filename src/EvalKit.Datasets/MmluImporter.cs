using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>mmlu</c>: MMLU CSV without a header (question, A, B, C, D, answer letter), one file per subject named
/// <c>&lt;subject&gt;_&lt;split&gt;.csv</c>. A folder reads every <c>*.csv</c> in it, sorted by name.
/// The subject and split become tags.
/// </summary>
public sealed class MmluImporter : IDatasetImporter, IFewShotSource
{
    private const string HeaderStart = "The following are multiple choice questions (with answers) about";
    private static readonly string[] _splits = ["test", "val", "dev"];

    public string Format => "mmlu";

    public string Description => "MMLU CSV, no header: question,A,B,C,D,answer; <subject>_<split>.csv, or a folder of them.";

    public SuiteKind Kind => SuiteKind.Accuracy;

    public ScorerSpec Scorer { get; } = new("choice", new Dictionary<string, string>());

    string IFewShotSource.FewShotSplit => "the dev split (a dev/ folder beside the test/ or val/ folder, as upstream ships it)";

    string? IFewShotSource.FewShotPool(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path));
        var parent = folder is null ? null : Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return parent is null ? null : Path.Combine(parent, "dev");
    }

    // The subject line heads the whole prompt once, as in lm-evaluation-harness's MMLU description.
    (string Header, string Body) IFewShotSource.Split(EvalCase evalCase)
    {
        var prompt = evalCase.Prompt ?? "";
        var cut = prompt.IndexOf("\n\n", StringComparison.Ordinal);
        return prompt.StartsWith(HeaderStart, StringComparison.Ordinal) && cut > 0 ? (prompt[..(cut + 2)], prompt[(cut + 2)..]) : ("", prompt);
    }

    string IFewShotSource.Target(EvalCase example) => example.Answer!;

    string IFewShotSource.PoolKey(EvalCase evalCase) => evalCase.Tags.GetValueOrDefault("subject", "");

    public DatasetImportResult Import(string path, DatasetImportOptions options)
    {
        var collector = new CaseCollector(options);
        foreach (var file in DatasetFiles.In(path, "*.csv"))
        {
            var (subject, split) = SubjectOf(file);
            foreach (var row in CsvTable.Read(file, hasHeader: false, columns: 6, collector))
                collector.Add(file, row.Line, () => Map(row, subject, split));
        }
        return collector.Result();
    }

    private static EvalCase Map(CsvRecord row, string subject, string? split)
    {
        var answer = row[5].Trim().ToUpperInvariant();
        if (answer is not ("A" or "B" or "C" or "D"))
            throw new RowException($"the answer must be a letter A to D, got '{row[5]}'");
        var choices = new[] { row[1], row[2], row[3], row[4] };
        var tags = new Dictionary<string, string> { ["subject"] = subject };
        if (split is not null)
            tags["split"] = split;
        return new EvalCase
        {
            Id = $"mmlu-{Path.GetFileNameWithoutExtension(row.File)}-{row.Line}",
            Prompt = $"{HeaderStart} {subject.Replace('_', ' ')}.\n\n"
                + ChoicePrompt.Format(row[0], choices),
            Choices = choices,
            Answer = answer,
            Tags = tags,
        };
    }

    private static (string Subject, string? Split) SubjectOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        foreach (var split in _splits)
        {
            if (name.EndsWith("_" + split, StringComparison.Ordinal) && name.Length > split.Length + 1)
                return (name[..^(split.Length + 1)], split);
        }
        return (name, null);
    }
}
