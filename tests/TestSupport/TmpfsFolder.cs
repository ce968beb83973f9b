using System.Diagnostics;

namespace EvalKit.TestSupport;

/// <summary>
/// A tiny tmpfs mounted on a fresh temporary folder: a real "disk full" (ENOSPC) or, after
/// <see cref="MakeReadOnly"/>, a real read-only file system (EROFS). Mounting needs root, which the
/// development machines and CI have; anywhere else the test fails with a message saying so (never skips).
/// </summary>
public sealed class TmpfsFolder : IDisposable
{
    public TmpfsFolder(int sizeKib)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evalkit-tmpfs-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeKib}k,mode=0777", "tmpfs", Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' failed ({error.Trim()}). Tests of full and read-only disks mount a " +
                "small tmpfs, which needs root (as on the development machines and in CI).");
    }
}
