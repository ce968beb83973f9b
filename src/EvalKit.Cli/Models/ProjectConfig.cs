using System.Text.RegularExpressions;
using EvalKit.Core;
using EvalKit.Core.Backends;
using YamlDotNet.Core;
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
        FileShape? shape;
        try
        {
            shape = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<FileShape?>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            // YamlDotNet names our private types ("not found on type 'EvalKit...ModelEntry'"); the user needs the key only.
            var reason = Regex.Replace(ex.InnerException?.Message ?? ex.Message, @" (on type|to) 'EvalKit[^']*'", "");
            throw new EvalKitException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {reason}",
                "evalkit.yaml holds models: {NAME: {source: ..., api_key_env: ..., concurrency: N, timeout_s: N, logprobs: true|false}}.");
        }
        var models = new Dictionary<string, ModelConfig>(StringComparer.Ordinal);
        foreach (var (name, entry) in shape?.Models ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry?.Source))
                throw new EvalKitException($"{path}: model '{name}' has no source.",
                    "Give it one: source: \"llama:models/student.gguf\" or source: \"openai:http://host:8000/v1#model-name\".");
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
