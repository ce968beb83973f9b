using EvalKit.Core.Results.Internal;
using System.Text;
using System.Text.Json;

namespace EvalKit.Core.Results;

/// <summary>Appends to <c>judgements.jsonl</c>, one line per verdict, flushed to disk after each, like <see cref="SamplesWriter"/>.</summary>
public sealed class JudgementsWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;

    public JudgementsWriter(string runDirectory)
    {
        _path = Path.Combine(runDirectory, JudgementRecord.FileName);
        try
        {
            _stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            TornLine.Drop(_stream);
            _stream.Seek(0, SeekOrigin.End);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.CannotWrite(_path, ex);
        }
    }

    public void Append(JudgementRecord record)
    {
        try
        {
            _stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, JsonDefaults.Compact) + "\n"));
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException ex)
        {
            throw Errors.CannotWrite(_path, ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
