using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads one suite from a file or from bytes: size limit, UTF-8 check, YAML parse, validation, digest.</summary>
internal static class SuiteReader
{
    public const long MaxBytes = 64L * 1024 * 1024;

    public static SuiteReadResult ReadFile(string path)
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
        return Read(bytes, bag);
    }

    public static SuiteReadResult Read(byte[] bytes, string file) => Read(bytes, new DiagnosticBag(file));

    private static SuiteReadResult Read(byte[] bytes, DiagnosticBag bag)
    {
        if (bytes.Length > MaxBytes)
            return TooLarge(bag, bytes.Length);
        if (Decode(bytes, bag) is not { } text || YamlLoader.LoadRoot(text, bag) is not { } root)
            return new SuiteReadResult(bag.File, null, null, bag.ToList());
        var (suite, idNode) = SuiteBuilder.Build(root, bag);
        suite = suite is null ? null : suite with { SourcePath = bag.File, Digest = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
        return new SuiteReadResult(bag.File, suite, idNode, bag.ToList());
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
