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
            _stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
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
        try
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException ex)
        {
            throw Errors.CannotWrite(_path, ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
