using EvalKit.Core.Results.Internal;
using System.Text;
using System.Text.Json;

namespace EvalKit.Core.Results;

/// <summary>
/// Appends samples to <c>samples.jsonl</c>, one JSON object per line, flushed to disk after each line so a
/// killed process loses at most the sample being written.
/// </summary>
public sealed class SamplesWriter : IDisposable
{
    public const string FileName = "samples.jsonl";

    private readonly FileStream _stream;
    private readonly string _path;

    public SamplesWriter(string runDirectory)
    {
        _path = Path.Combine(runDirectory, FileName);
        try
        {
            // Unbuffered: a failed write leaves nothing behind in memory for Dispose to retry.
            _stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
            TornLine.Drop(_stream);
            _stream.Seek(0, SeekOrigin.End);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.CannotWrite(_path, ex);
        }
    }

    public void Append(SampleRecord sample)
    {
        var line = JsonSerializer.Serialize(sample, JsonDefaults.Compact) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        var end = _stream.Position;
        try
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException ex)
        {
            CutBackTo(end);
            throw Errors.CannotWrite(_path, ex);
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>A full disk can take part of a line; remove it so the file still ends with a whole line.</summary>
    private void CutBackTo(long end)
    {
        try
        {
            _stream.SetLength(end);
            _stream.Seek(end, SeekOrigin.Begin);
        }
        catch (IOException)
        {
            // The reader drops a torn last line anyway.
        }
    }
}
