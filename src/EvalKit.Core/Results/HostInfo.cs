using System.Runtime.InteropServices;

namespace EvalKit.Core.Results;

/// <summary>The machine a run or benchmark happened on, so numbers from different machines are not confused.</summary>
public sealed record HostInfo
{
    public required string Os { get; init; }
    public required string Architecture { get; init; }
    public required string Cpu { get; init; }
    public int LogicalCores { get; init; }
    public double MemoryGib { get; init; }
    public required string Dotnet { get; init; }

    public static HostInfo Current() => new()
    {
        Os = RuntimeInformation.OSDescription,
        Architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        Cpu = CpuModel(),
        LogicalCores = Environment.ProcessorCount,
        MemoryGib = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        Dotnet = RuntimeInformation.FrameworkDescription,
    };

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
                return line[(line.IndexOf(':') + 1)..].Trim();
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
