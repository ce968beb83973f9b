using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace EvalKit.Core.Caching.Internal;

/// <summary>
/// What identifies one version of a file without reading it: full path, size, modification time, and on Linux the
/// device and inode (a file replaced by another, even with the same size and time, has a new inode) and the change
/// time (which a process cannot set back, so an in-place rewrite that restores the modification time is still seen).
/// </summary>
internal sealed record FileStamp(string Path, long Length, long ModifiedTicks, string FileId)
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    public static FileStamp Of(string path)
    {
        var file = new FileInfo(System.IO.Path.GetFullPath(path));
        file.Refresh();
        return new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks, LinuxFileId(file.FullName) ?? "");
    }

    // statx(2) has the same layout on every Linux architecture, unlike struct stat; glibc has it since 2.28.
    private static string? LinuxFileId(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
                return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
        var changedSeconds = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(96));
        var changedNanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(104));
        var deviceMajor = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136));
        var deviceMinor = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
        return $"{deviceMajor}:{deviceMinor}:{inode}:{changedSeconds}.{changedNanoseconds:D9}";
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
