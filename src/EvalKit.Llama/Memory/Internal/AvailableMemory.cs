using System.Diagnostics;
using System.Globalization;

namespace EvalKit.Llama.Memory.Internal;

/// <summary>How much memory a new allocation can get now: host memory and, when readable, the first GPU's.</summary>
internal static class AvailableMemory
{
    /// <summary>
    /// <c>MemAvailable</c> from <c>/proc/meminfo</c>, lowered to the room left under the cgroup's limit when one is set
    /// (v2 <c>memory.max</c> or v1 <c>memory.limit_in_bytes</c>); null where neither can be read (not Linux).
    /// </summary>
    public static (long Bytes, string Source)? Host()
    {
        var available = MemInfo("MemAvailable");
        if (available is null)
            return null;
        var result = (Bytes: available.Value, Source: "MemAvailable in /proc/meminfo");
        foreach (var (limitFile, usageFile) in new[]
                 {
                     ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
                     ("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes"),
                 })
        {
            if (ReadNumber(limitFile) is { } limit && limit < 1L << 60 && ReadNumber(usageFile) is { } usage && limit - usage < result.Bytes)
                result = (Math.Max(0, limit - usage), $"the cgroup memory limit ({ModelMemoryEstimate.Format(limit)}, {limitFile})");
        }
        return result;
    }

    /// <summary>Free memory of the first NVIDIA GPU as <c>nvidia-smi</c> reports it; null when it cannot be read.</summary>
    public static long? FreeGpu()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", "--query-gpu=memory.free --format=csv,noheader,nounits")
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            });
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000) || process.ExitCode != 0)
                return null;
            var first = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mib) ? mib << 20 : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    private static long? MemInfo(string field)
    {
        const string path = "/proc/meminfo";
        if (!File.Exists(path))
            return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 2 } && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
    }

    private static long? ReadNumber(string path)
    {
        try
        {
            return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
