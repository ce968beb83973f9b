using System.Buffers;
using System.Text;
using System.Text.Unicode;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Opens dataset files for streaming: gzip is detected from its magic bytes (and checked against its trailer, so a
/// truncated file is an error, never part of a dataset), text is decoded as strict UTF-8, and
/// every way a read can fail becomes an <see cref="EvalKitException"/> naming the file (and line, for bad UTF-8).
/// </summary>
internal static class TextSource
{
    private const int ChunkSize = 64 * 1024;
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Stream OpenBytes(string path)
    {
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize);
            Span<byte> magic = stackalloc byte[2];
            var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            file.Position = 0;
            return isGzip ? new CheckedGzipStream(file) : file;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DatasetErrors.NotFound(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DatasetErrors.CannotRead(path, e);
        }
    }

    public static TextReader OpenText(string path) =>
        new StreamReader(OpenBytes(path), _strictUtf8, detectEncodingFromByteOrderMarks: true, ChunkSize);

    /// <summary>Every line with its 1-based number (LF or CRLF endings).</summary>
    public static IEnumerable<(long Line, string Text)> Lines(string path)
    {
        using var reader = OpenText(path);
        for (long line = 1; ; line++)
        {
            string? text;
            try
            {
                text = reader.ReadLine();
            }
            catch (Exception e)
            {
                throw Failure(path, e);
            }
            if (text is null)
                yield break;
            yield return (line, text);
        }
    }

    /// <summary>The error to throw for an exception raised while reading <paramref name="path"/>; rethrows unknown ones.</summary>
    public static Exception Failure(string path, Exception e) => e switch
    {
        EvalKitException known => known,
        DecoderFallbackException => DatasetErrors.InvalidUtf8(path, FindInvalidUtf8Line(path)),
        InvalidDataException => DatasetErrors.BadGzip(path, e),
        IOException or UnauthorizedAccessException => DatasetErrors.CannotRead(path, e),
        _ => e,
    };

    /// <summary>The 1-based line of the first byte that is not UTF-8, or null when the whole file is valid.</summary>
    public static long? FindInvalidUtf8Line(string path)
    {
        using var stream = OpenBytes(path);
        var bytes = new byte[ChunkSize + 8];
        var chars = new char[ChunkSize + 8];
        var carry = 0;
        long line = 1;
        while (true)
        {
            int read;
            try
            {
                read = stream.ReadAtLeast(bytes.AsSpan(carry, ChunkSize), ChunkSize, throwOnEndOfStream: false);
            }
            catch (InvalidDataException e)
            {
                throw DatasetErrors.BadGzip(path, e);
            }
            var final = read < ChunkSize;
            var span = bytes.AsSpan(0, carry + read);
            var status = Utf8.ToUtf16(span, chars, out var used, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += span[..used].Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
                return line;
            if (final)
                return null;
            carry = span.Length - used;
            span[used..].CopyTo(bytes);
        }
    }
}
