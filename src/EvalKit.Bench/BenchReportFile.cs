using System.Globalization;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Results;

namespace EvalKit.Bench;

/// <summary>Writes and reads <c>results/bench-&lt;timestamp&gt;/bench.json</c>.</summary>
public static class BenchReportFile
{
    public const string FileName = "bench.json";

    /// <summary>Writes <paramref name="report"/> to a new <c>bench-yyyyMMdd-HHmmss</c> folder under <paramref name="resultsRoot"/>; returns the folder.</summary>
    public static string Write(BenchReport report, string resultsRoot)
    {
        var name = "bench-" + report.CreatedUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(resultsRoot, name);
        for (var n = 2; Directory.Exists(folder); n++)
            folder = Path.Combine(resultsRoot, $"{name}-{n}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(report, JsonDefaults.Indented));
        return folder;
    }

    /// <summary>Reads <paramref name="path"/>: a bench.json file or a folder holding one.</summary>
    /// <exception cref="EvalKitException">The file is missing or is not a bench.json.</exception>
    public static BenchReport Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
            throw new EvalKitException($"No {FileName} at {file}.", "Pass a folder written by 'evalkit bench' (results/bench-<timestamp>) or its bench.json.");
        try
        {
            return JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(file), JsonDefaults.Indented)
                ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new EvalKitException($"{file} is not a valid bench.json: {e.Message}", "Re-run 'evalkit bench' to write it again.");
        }
    }
}
