using System.IO.Compression;
using System.IO.Hashing;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Decompresses a gzip file and, at its end, checks the CRC-32 and length of everything decompressed against the
/// file's trailer (RFC 1952 §2.3.1). .NET's <see cref="GZipStream"/> reports a file cut short as a normal end, so
/// without this a truncated download would import part of a dataset without a word. A file of several concatenated
/// gzip members is checked against its last member's trailer, so it fails the check too: recompress it as one
/// (<c>zcat IN | gzip > OUT</c>).
/// </summary>
internal sealed class CheckedGzipStream(FileStream file) : Stream
{
    private const int TrailerLength = 8;
    private readonly GZipStream _inner = new(file, CompressionMode.Decompress);
    private readonly long _fileLength = file.Length;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _checked;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
        }
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            CheckTrailer();
        }
        return read;
    }

    private void CheckTrailer()
    {
        Span<byte> trailer = stackalloc byte[TrailerLength];
        if (_fileLength < 18)
            throw new InvalidDataException("the file is too short to be a complete gzip file (truncated)");
        file.Position = _fileLength - TrailerLength;
        file.ReadExactly(trailer);
        var crc = BitConverter.ToUInt32(trailer[..4]);
        var size = BitConverter.ToUInt32(trailer[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || size != (uint)_length)
            throw new InvalidDataException(
                $"the data ends without a matching gzip trailer after {_length:N0} decompressed bytes (the file is truncated or corrupt)");
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
