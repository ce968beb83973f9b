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
///   teacher: {source: "openai:http://gpu-box:8000/v1#deepseek-r1", api_key_env: OPENAI_API_KEY, concurrency: 4, timeout_s: 120,
///             api: chat, temperature: 0.6, top_p: 0.95, max_tokens: 4096, system_prompt: false, logprobs: false}
///   student: {source: "llama:models/student.gguf"}
///   grader:  {source: "openai:http://judge:8000/v1#qwen-judge", judge_only: true}
/// </code>
/// Per-model settings (see docs/remote.md) apply over every suite's defaults; <c>run --model-option</c> overrides them.
/// </summary>
public sealed class ProjectConfig
{
    public const string FileName = "evalkit.yaml";

    public const double MaxTimeoutSeconds = 86_400;

    public const int MaxConcurrency = 1024;

    private const string Shape = "evalkit.yaml holds models: {NAME: {source: ..., api_key_env: ..., concurrency: N, timeout_s: N, logprobs: true|false, api: chat, temperature: T, top_p: P, max_tokens: N, system_prompt: false, reasoning: true, stop: [..], judge_only: true, price: {prompt_per_mtok: N, completion_per_mtok: N}}}.";

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
                Settings = Settings(entry, $"{path}, model '{name}'"),
                JudgeOnly = entry.JudgeOnly ?? false,
                Price = Price(entry.Price, $"{path}: model '{name}'"),
            };
        }
        return new ProjectConfig(models);
    }

    /// <summary>
    /// The models a run uses: each <c>--model</c> that is a name from this file stands for its entry, any other is
    /// parsed as <c>[NAME=]SOURCE</c> (and takes this file's settings when name and source match an entry); with no
    /// <c>--model</c> at all, every model in the file that is not <c>judge_only</c>.
    /// </summary>
    public IReadOnlyList<ModelSpec> Resolve(IReadOnlyList<string> models) =>
        models.Count == 0
            ? Models.Values.Where(m => !m.JudgeOnly).Select(Spec).ToList()
            : models.Select(ResolveOne).ToList();

    /// <summary>
    /// The judge-only models of a run: each <c>--judge</c> as <c>NAME=SOURCE</c> or a name from this file; with no
    /// <c>--judge</c>, the file's <c>judge_only</c> models that a suite names as its judge.
    /// </summary>
    public IReadOnlyList<ModelSpec> ResolveJudges(IReadOnlyList<string> judges, IEnumerable<string> named) =>
        judges.Count == 0
            ? Models.Values.Where(m => m.JudgeOnly && named.Contains(m.Name)).Select(Spec).ToList()
            : judges.Select(ResolveOne).ToList();

    private ModelSpec ResolveOne(string text)
    {
        if (Models.TryGetValue(text.Trim(), out var entry))
            return Spec(entry);
        var spec = ModelSpec.Parse(text);
        return Models.TryGetValue(spec.Name, out var same) && same.Source == spec.Source ? Spec(same) : spec;
    }

    private static ModelSpec Spec(ModelConfig entry) => new(entry.Name, entry.Source) { Settings = entry.Settings, Price = entry.Price };

    private static ModelPrice? Price(PriceEntry? price, string origin)
    {
        if (price is null)
            return null;
        if (price.PromptPerMtok is not { } prompt || price.CompletionPerMtok is not { } completion
            || !double.IsFinite(prompt) || !double.IsFinite(completion) || prompt < 0 || completion < 0)
            throw new EvalKitException($"{origin}: price needs prompt_per_mtok and completion_per_mtok, numbers of 0 or more.",
                "For example price: {prompt_per_mtok: 0.55, completion_per_mtok: 2.19} (per million tokens).");
        return new ModelPrice(prompt, completion);
    }

    private static ModelSettings? Settings(ModelEntry entry, string origin)
    {
        var pairs = new List<(string Key, string Value)>();
        void Add(string key, object? value)
        {
            if (value is not null)
                pairs.Add((key, Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant()));
        }
        Add("temperature", entry.Temperature);
        Add("top_p", entry.TopP);
        Add("max_tokens", entry.MaxTokens);
        Add("system_prompt", entry.SystemPrompt);
        Add("reasoning", entry.Reasoning);
        Add("api", entry.Api);
        pairs.AddRange((entry.Stop ?? []).Select(stop => ("stop", stop)));
        var settings = pairs.Aggregate(new ModelSettings(), (s, pair) => ModelSettingKeys.Apply(s, pair.Key, pair.Value, $"{origin}: {pair.Key}"));
        return pairs.Count == 0 ? null : settings;
    }

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
        public double? Temperature { get; set; }
        public double? TopP { get; set; }
        public int? MaxTokens { get; set; }
        public bool? SystemPrompt { get; set; }
        public bool? Reasoning { get; set; }
        public List<string>? Stop { get; set; }
        public string? Api { get; set; }
        public bool? JudgeOnly { get; set; }
        public PriceEntry? Price { get; set; }
    }

    private sealed class PriceEntry
    {
        public double? PromptPerMtok { get; set; }
        public double? CompletionPerMtok { get; set; }
    }
}
