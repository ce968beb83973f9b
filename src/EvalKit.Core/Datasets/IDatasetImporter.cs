using EvalKit.Core.Suites;

namespace EvalKit.Core.Datasets;

/// <summary>
/// Reads one public dataset format into cases. A row that cannot be read is a <see cref="DatasetProblem"/> in the
/// result, not an exception; a file that cannot be read at all (missing, not UTF-8, damaged) is an
/// <see cref="EvalKitException"/> naming the file and line. Files are streamed, never read whole into one string.
/// </summary>
public interface IDatasetImporter
{
    /// <summary>The name a suite's <c>dataset.format</c> and <c>evalkit import</c> use, such as <c>gsm8k</c>.</summary>
    string Format { get; }

    /// <summary>One line for help text: what the files look like.</summary>
    string Description { get; }

    /// <summary>The kind of suite the dataset probes.</summary>
    SuiteKind Kind { get; }

    /// <summary>The scorer the imported cases are written for.</summary>
    ScorerSpec Scorer { get; }

    /// <summary>Whether the format needs <see cref="DatasetImportOptions.Mapping"/> (plain JSONL and CSV).</summary>
    bool NeedsMapping => false;

    /// <summary>Reads up to <see cref="DatasetImportOptions.Limit"/> cases from <paramref name="path"/>, in file order.</summary>
    /// <exception cref="EvalKitException">The file is missing, unreadable, not UTF-8 or damaged beyond one row.</exception>
    DatasetImportResult Import(string path, DatasetImportOptions options);
}
