using EvalKit.Core;
using EvalKit.Core.Datasets;
namespace EvalKit.Datasets.Internal;

/// <summary>The wording of errors that stop a whole dataset file (a bad row is a <see cref="DatasetProblem"/> instead).</summary>
internal static class DatasetErrors
{
    public static EvalKitException NotFound(string path) =>
        Errors.PathNotFound("Dataset file", path, "Check the path; relative paths in a suite are relative to the suite file.");

    public static EvalKitException CannotRead(string path, Exception inner) =>
        new($"Cannot read dataset {path}: {inner.Message}", "Check that the file exists and is readable.", inner: inner);

    public static EvalKitException InvalidUtf8(string path, long? line) =>
        new($"Dataset {path}{(line is { } l ? $":{l}" : "")} is not valid UTF-8.",
            "Convert the file to UTF-8 (for example: iconv -f latin1 -t utf-8 IN > OUT).");

    public static EvalKitException BadGzip(string path, Exception inner) =>
        new($"Dataset {path} is not a readable gzip file: {inner.Message}", "Download the file again; it may be truncated.", inner: inner);

    public static EvalKitException BadJson(string path, long? line, string detail) =>
        new($"Dataset {path}{(line is { } l ? $":{l}" : "")} is not valid JSON: {detail}",
            "Fix the file at that line, or download it again; a JSON document cannot be read past an error.");

    public static EvalKitException BadCsv(string path, long line, string detail) =>
        new($"Dataset {path}{(line > 0 ? $":{line}" : "")} cannot be read as CSV: {detail}", "Fix the file at that line.");

    public static EvalKitException NoFiles(string path, string pattern) =>
        new($"Dataset folder {path} holds no {pattern} files.", "Point at a dataset file, or at the folder that holds them.");
}
