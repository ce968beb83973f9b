using System.Globalization;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// This process's peak resident memory (<c>VmHWM</c> in <c>/proc/self/status</c>), reset before each model so that
/// the peak recorded for a model is its own (writing 5 to <c>/proc/self/clear_refs</c> resets it, Linux 4.0+).
/// Null where /proc is missing.
/// </summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    public static long? ResidentBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts is { Length: >= 2 } && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
