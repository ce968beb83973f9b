using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using EvalKit.Core;
using EvalKit.Core.Backends;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EvalKit.Cli.Models;

/// <summary>
/// The optional <c>evalkit.yaml</c> in the working directory, which names models once so that
/// <c>--model teacher</c> refers to them:
/// <code>
/// models:
///   teacher: {source: "openai:http://gpu-box:8000/v1#deepseek-r1", api_key_env: OPENAI_API_KEY, concurrency: 4, timeout_s: 120, logprobs: true}
///   student: {source: "llama:models/student.gguf"}
/// </code>
/// </summary>
public sealed class ProjectConfig
{
    public const string FileName = "evalkit.yaml";

    public const double MaxTimeoutSeconds = 86_400;

    public const int MaxConcurrency = 1024;

    private const string Shape = "evalkit.yaml holds models: {NAME: {source: ..., api_key_env: ..., concurrency: N, timeout_s: N, logprobs: true|false}}.";

    public static ProjectConfig Empty { get; } = new(new Dictionary<string, ModelConfig>());

    private ProjectConfig(IReadOnlyDictionary<string, ModelConfig> models) => Models = models;

    public IReadOnlyDictionary<string, ModelConfig> Models { get; }

    /// <summary>Reads <c>evalkit.yaml</c> from <paramref name="directory"/>; <see cref="Empty"/> when there is none.</summary>
    /// <exception cref="EvalKitException">The file is not valid; the message gives the line and column.</exception>
    public static ProjectConfig Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return Empty;
        var text = Decode(path);
        FileShape? shape;
        try
        {
            shape = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<FileShape?>(text);
        }
        catch (YamlException ex)
        {
            // YamlDotNet names our private types ("not found on type 'EvalKit...ModelEntry'"); the user needs the key only.
            var reason = Regex.Replace(ex.InnerException?.Message ?? ex.Message, @" (on type|to) 'EvalKit[^']*'", "");
            throw new EvalKitException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {reason}", Shape);
        }
        var models = new Dictionary<string, ModelConfig>(StringComparer.Ordinal);
        foreach (var (name, entry) in shape?.Models ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry?.Source))
                throw new EvalKitException($"{path}: model '{name}' has no source.",
                    "Give it one: source: \"llama:models/student.gguf\" or source: \"openai:http://host:8000/v1#model-name\".");
            if (entry.TimeoutS is { } timeout && !(timeout > 0 && timeout <= MaxTimeoutSeconds))
                throw new EvalKitException(
                    $"{path}:{Locate(text, name, "timeout_s")}: timeout_s of model '{name}' must be above 0 and at most {MaxTimeoutSeconds} seconds, got {timeout.ToString(CultureInfo.InvariantCulture)}.", Shape);
            if (entry.Concurrency is { } concurrency && concurrency is < 1 or > MaxConcurrency)
                throw new EvalKitException(
                    $"{path}:{Locate(text, name, "concurrency")}: concurrency of model '{name}' must be between 1 and {MaxConcurrency}, got {concurrency}.", Shape);
            models[name] = new ModelConfig(name, entry.Source)
            {
                ApiKeyEnv = entry.ApiKeyEnv,
                Concurrency = entry.Concurrency,
                TimeoutSeconds = entry.TimeoutS,
                LogProbs = entry.Logprobs,
            };
        }
        return new ProjectConfig(models);
    }

    /// <summary>
    /// The models a run uses: each <c>--model</c> that is a name from this file stands for its entry, any other is
    /// parsed as <c>[NAME=]SOURCE</c>; with no <c>--model</c> at all, every model in the file.
    /// </summary>
    public IReadOnlyList<ModelSpec> Resolve(IReadOnlyList<string> models) =>
        models.Count == 0
            ? Models.Values.Select(m => new ModelSpec(m.Name, m.Source)).ToList()
            : models.Select(text => Models.TryGetValue(text.Trim(), out var m) ? new ModelSpec(m.Name, m.Source) : ModelSpec.Parse(text)).ToList();

    /// <summary>The file as UTF-8; anything else is refused with the byte offset of the first bad byte, never decoded with replacement characters.</summary>
    private static string Decode(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvalKitException($"Cannot read {path}: {ex.Message}", "Check that the file is readable.");
        }
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes.AsSpan(start), chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            throw new EvalKitException($"{path}: not valid UTF-8 at byte offset {start + read}.", "Save evalkit.yaml as UTF-8.");
        return new string(chars, 0, written);
    }

    /// <summary>line:column of models.NAME.KEY's value, for messages about a value that parsed but is out of range.</summary>
    private static string Locate(string text, string model, string key)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var node = stream.Documents[0].RootNode;
        foreach (var step in new[] { "models", model, key })
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(step), out var child))
                return "0:0";
            node = child;
        }
        return $"{node.Start.Line}:{node.Start.Column}";
    }

    private sealed class FileShape
    {
        public Dictionary<string, ModelEntry?>? Models { get; set; }
    }

    private sealed class ModelEntry
    {
        public string? Source { get; set; }
        public string? ApiKeyEnv { get; set; }
        public int? Concurrency { get; set; }
        public double? TimeoutS { get; set; }
        public bool? Logprobs { get; set; }
    }
}
