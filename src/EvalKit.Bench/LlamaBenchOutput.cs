using System.Globalization;
using System.Text;
using System.Text.Json;
using EvalKit.Bench.Internal;

namespace EvalKit.Bench;

/// <summary>
/// The pp/tg rows of a <see cref="BenchReport"/> in llama-bench's own output formats (<c>-o md|csv|json</c>), with its
/// field names and order as of llama.cpp 815a2a59, so tools written for llama-bench (compare-llama-bench) read them.
/// EvalKit's two variants are told apart in <c>build_commit</c>: <c>815a2a59+evalkit</c> and <c>815a2a59+bare</c>.
/// </summary>
public static class LlamaBenchOutput
{
    /// <summary>The llama.cpp commit and build number of the native library LLamaSharp 0.30.0 bundles.</summary>
    public const string BundledCommit = "815a2a59";
    public const int BundledBuild = 10221;

    public static readonly IReadOnlyList<string> Formats = ["md", "csv", "json"];

    /// <summary>llama-bench's fields, in its order (without <c>samples_ns</c>/<c>samples_ts</c>, which only JSON carries).</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "build_commit", "build_number", "cpu_info", "gpu_info", "backends",
        "model_filename", "model_type", "model_size", "model_n_params", "n_batch",
        "n_ubatch", "n_threads", "cpu_mask", "cpu_strict", "poll",
        "type_k", "type_v", "n_gpu_layers", "n_cpu_moe", "split_mode",
        "main_gpu", "no_kv_offload", "flash_attn", "devices", "tensor_split",
        "tensor_buft_overrides", "load_mode", "embeddings",
        "no_op_offload", "no_host", "fit_target", "fit_min_ctx",
        "n_prompt", "n_gen", "n_depth",
        "test_time", "avg_ns", "stddev_ns", "avg_ts", "stddev_ts",
    ];

    public static string Render(BenchReport report, string format) => format switch
    {
        "md" => Markdown(report),
        "csv" => Csv(report),
        "json" => Json(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use md, csv or json."),
    };

    public static string Csv(BenchReport report)
    {
        var text = new StringBuilder().Append(string.Join(',', Fields)).Append('\n');
        foreach (var row in report.Results)
            text.Append(string.Join(',', Values(report, row).Select(v => "\"" + Text(v).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append('\n');
        return text.ToString();
    }

    public static string Json(BenchReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in report.Results)
            {
                json.WriteStartObject();
                foreach (var (field, value) in Fields.Zip(Values(report, row)))
                {
                    switch (value)
                    {
                        case string s: json.WriteString(field, s); break;
                        case bool b: json.WriteBoolean(field, b); break;
                        case long l: json.WriteNumber(field, l); break;
                        case double d: json.WriteNumber(field, d); break;
                    }
                }
                json.WriteStartArray("samples_ns");
                foreach (var ns in row.SamplesNs)
                    json.WriteNumberValue((long)Math.Round(ns));
                json.WriteEndArray();
                json.WriteStartArray("samples_ts");
                foreach (var ts in row.SamplesTs)
                    json.WriteNumberValue(ts);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>llama-bench's markdown table: model, size, params, backend, the settings that vary, then EvalKit's variant, test and t/s.</summary>
    public static string Markdown(BenchReport report)
    {
        var rows = report.Results;
        var gpu = report.NativeLibrary?.UsesGpu == true;
        var columns = new List<(string Name, int Width, Func<BenchResult, string> Value)>
        {
            ("model", -30, r => r.ModelType),
            ("size", 10, r => r.ModelSize < 1L << 30 ? Invariant($"{r.ModelSize / 1024.0 / 1024.0:F2} MiB") : Invariant($"{r.ModelSize / 1024.0 / 1024.0 / 1024.0:F2} GiB")),
            ("params", 10, r => r.Params < 1_000_000_000 ? Invariant($"{r.Params / 1e6:F2} M") : Invariant($"{r.Params / 1e9:F2} B")),
            ("backend", -10, _ => Backends(report)),
        };
        if (gpu || rows.Any(r => r.NGpuLayers != -1))
            columns.Add(("ngl", 3, r => Invariant($"{r.NGpuLayers}")));
        columns.Add(("threads", 7, r => Invariant($"{r.Threads}")));
        if (rows.Select(r => r.NBatch).Distinct().Count() > 1 || rows.Any(r => r.NBatch != BenchOptions.DefaultBatchSize))
            columns.Add(("n_batch", 7, r => Invariant($"{r.NBatch}")));
        if (rows.Select(r => r.NUbatch).Distinct().Count() > 1 || rows.Any(r => r.NUbatch != BenchOptions.DefaultUBatchSize))
            columns.Add(("n_ubatch", 8, r => Invariant($"{r.NUbatch}")));
        columns.Add(("variant", -10, r => r.Variant));
        columns.Add(("test", 15, r => r.Test));
        columns.Add(("t/s", 20, r => Invariant($"{r.AvgTs:F2} ± {r.StddevTs:F2}")));

        var text = new StringBuilder();
        text.Append('|').AppendJoin("", columns.Select(c => " " + Pad(c.Name, c.Width) + " |")).Append('\n');
        text.Append('|').AppendJoin("", columns.Select(c => " " + new string('-', Math.Abs(c.Width) - 1) + (c.Width > 0 ? ":" : "-") + " |")).Append('\n');
        foreach (var row in rows)
            text.Append('|').AppendJoin("", columns.Select(c => " " + Pad(c.Value(row), c.Width) + " |")).Append('\n');
        var (commit, build) = Build(report);
        return text.Append('\n').Append(Invariant($"build: {commit} ({build})")).Append('\n').ToString();
    }

    private static List<object> Values(BenchReport report, BenchResult row)
    {
        var (commit, build) = Build(report);
        var nanoseconds = row.SamplesNs.Select(ns => (double)(long)Math.Round(ns)).ToList();
        return
        [
            $"{commit}+{row.Variant}", (long)build, report.Host.Cpu, report.Gpu?.Name ?? "", Backends(report),
            row.ModelPath, row.ModelType, row.ModelSize, row.Params, (long)row.NBatch,
            (long)row.NUbatch, (long)row.Threads, "0x0", false, 50L,
            "f16", "f16", (long)row.NGpuLayers, 0L, "layer",
            0L, false, -1L, "auto", "0.00",
            "none", "mmap", false,
            0L, false, 0L, 0L,
            (long)row.NPrompt, (long)row.NGen, (long)row.NDepth,
            report.CreatedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            (long)Math.Round(RateStatistics.Mean(nanoseconds)), (long)Math.Round(RateStatistics.StandardDeviation(nanoseconds)), row.AvgTs, row.StddevTs,
        ];
    }

    private static (string Commit, int Build) Build(BenchReport report) =>
        report.NativeLibrary?.Path is null ? (BundledCommit, BundledBuild) : ("custom", 0);

    private static string Backends(BenchReport report) => report.NativeLibrary?.UsesGpu == true ? "CUDA" : "CPU";

    // As C's std::to_string: integers plainly, floating point with six decimals, booleans as 0/1.
    private static string Text(object value) => value switch
    {
        bool b => b ? "1" : "0",
        double d => d.ToString("F6", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    // A model's description comes from its file: a '|' in it must not break the table.
    private static string Pad(string text, int width)
    {
        text = text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
        return width < 0 ? text.PadRight(-width) : text.PadLeft(width);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
