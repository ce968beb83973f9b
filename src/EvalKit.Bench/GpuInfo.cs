using System.Diagnostics;

namespace EvalKit.Bench;

/// <summary>The first NVIDIA GPU as <c>nvidia-smi</c> reports it.</summary>
public sealed record GpuInfo(string Name, string Driver, double? MemoryMib)
{
    /// <summary>Asks <c>nvidia-smi</c>; null when it is missing or fails.</summary>
    public static GpuInfo? Detect()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", "--query-gpu=name,driver_version,memory.total --format=csv,noheader,nounits")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
                return null;
            var line = process.StandardOutput.ReadLine();
            process.WaitForExit(5000);
            var parts = line?.Split(',', StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 || parts is null || parts.Length < 2)
                return null;
            double? memory = parts.Length > 2 && double.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : null;
            return new GpuInfo(parts[0], parts[1], memory);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
