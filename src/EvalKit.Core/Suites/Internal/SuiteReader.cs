using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads one suite from a file or from bytes: size limit, UTF-8 check, YAML parse, validation, digest.</summary>
internal static class SuiteReader
{
    public const long MaxBytes = 64L * 1024 * 1024;

    public static SuiteReadResult ReadFile(string path, SuiteLoadOptions options)
    {
        var bag = new DiagnosticBag(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return Failed(bag, "no such file", "check the path; suites are .yaml or .yml files");
            if (info.Length > MaxBytes)
                return TooLarge(bag, info.Length);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(bag, $"cannot read the file: {e.Message}", "check that the file exists and is readable");
        }
        return Read(bytes, bag, options);
    }

    public static SuiteReadResult Read(byte[] bytes, string file, SuiteLoadOptions options) => Read(bytes, new DiagnosticBag(file), options);

    private static SuiteReadResult Read(byte[] bytes, DiagnosticBag bag, SuiteLoadOptions options)
    {
        if (bytes.Length > MaxBytes)
            return TooLarge(bag, bytes.Length);
        if (Decode(bytes, bag) is not { } text || YamlLoader.LoadRoot(text, bag) is not { } root)
            return new SuiteReadResult(bag.File, null, null, bag.ToList());
        var (suite, idNode, datasetFiles) = SuiteBuilder.Build(root, bag, options);
        suite = suite is null ? null : suite with { SourcePath = bag.File, Digest = Digest(bytes, datasetFiles, bag) };
        return new SuiteReadResult(bag.File, suite, idNode, bag.ToList());
    }

    /// <summary>
    /// SHA-256 of the suite file; with a dataset, SHA-256 over the suite file's hash and each dataset file's hash, so
    /// that a changed dataset changes the digest (and resume notices it).
    /// </summary>
    private static string Digest(byte[] bytes, IReadOnlyList<string> datasetFiles, DiagnosticBag bag)
    {
        var own = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (datasetFiles.Count == 0)
            return own;
        var combined = new StringBuilder(own);
        foreach (var file in datasetFiles)
        {
            try
            {
                using var stream = File.OpenRead(file);
                combined.Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(stream)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                bag.AddAt(0, 0, $"cannot read dataset {file} to compute the suite digest: {e.Message}");
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(combined.ToString())));
    }

    private static string? Decode(byte[] bytes, DiagnosticBag bag)
    {
        var input = bytes.AsSpan();
        if (input.StartsWith(Encoding.UTF8.Preamble))
            input = input[Encoding.UTF8.Preamble.Length..];
        var chars = new char[input.Length];
        var status = Utf8.ToUtf16(input, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
            return new string(chars, 0, written);
        var before = chars.AsSpan(0, written);
        var line = before.Count('\n') + 1;
        var column = written - before.LastIndexOf('\n');
        bag.AddAt(line, column, read < input.Length ? $"the file is not valid UTF-8 (byte 0x{input[read]:X2})" : "the file is not valid UTF-8",
            "save the file as UTF-8");
        return null;
    }

    private static SuiteReadResult TooLarge(DiagnosticBag bag, long length) =>
        Failed(bag, $"the file is {length / (1024.0 * 1024.0):F1} MiB; suite files are limited to {MaxBytes / (1024 * 1024)} MiB",
            "split it into several suites");

    private static SuiteReadResult Failed(DiagnosticBag bag, string message, string hint)
    {
        bag.AddAt(0, 0, message, hint);
        return new SuiteReadResult(bag.File, null, null, bag.ToList());
    }
}
