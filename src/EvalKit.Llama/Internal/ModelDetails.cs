using System.Globalization;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Llama.Gguf;
using EvalKit.Llama.Memory;
using LLama;

namespace EvalKit.Llama.Internal;

/// <summary>Builds the <see cref="ModelInfo"/> a run manifest records for a loaded llama.cpp model.</summary>
internal static class ModelDetails
{
    public static ModelInfo Describe(
        LlamaModelOptions options, string path, string sha256, GgufModelSummary summary, LLamaWeights weights, LLamaContext context,
        LlamaNativeLibrary native, int gpuLayers, ChatTemplateChoice template)
    {
        var hasTemplate = weights.Metadata.ContainsKey(PromptRenderer.ChatTemplateKey);
        var details = new Dictionary<string, string>
        {
            ["architecture"] = weights.Metadata.GetValueOrDefault("general.architecture") ?? "unknown",
            ["file_type"] = summary.FileType ?? "unknown",
            ["file_size"] = summary.FileSize.ToString(CultureInfo.InvariantCulture),
            ["tokenizer"] = summary.TokenizerModel + (summary.TokenizerPre is { } pre ? $" ({pre})" : ""),
            ["n_params"] = weights.ParameterCount.ToString(CultureInfo.InvariantCulture),
            ["vocab_size"] = weights.Vocab.Count.ToString(CultureInfo.InvariantCulture),
            ["trained_context"] = weights.ContextSize.ToString(CultureInfo.InvariantCulture),
            ["context_size"] = context.ContextSize.ToString(CultureInfo.InvariantCulture),
            ["threads"] = options.Threads.ToString(CultureInfo.InvariantCulture),
            ["gpu_layers"] = gpuLayers.ToString(CultureInfo.InvariantCulture),
            ["device"] = !native.UsesGpu ? "cpu" : native.Name.StartsWith("cuda", StringComparison.Ordinal) ? "cuda" : "gpu",
            ["native_library"] = native.ToString(),
            ["chat_template"] = hasTemplate ? "yes" : "no (chat messages use a plain System:/User:/Assistant: transcript)",
            ["chat_template_source"] = template.Source,
        };
        if (template.CacheVariant is { } variant)
            details[ModelIdentity.VariantDetail] = variant;
        return new ModelInfo
        {
            Name = options.Name ?? Path.GetFileNameWithoutExtension(path),
            Backend = "llama.cpp",
            Source = path,
            Sha256 = sha256,
            Details = details,
        };
    }

    /// <summary>Adds how long loading took and what memory it was estimated to need (keys <c>load_seconds</c>, <c>memory_estimate_bytes</c>, <c>memory_check</c>).</summary>
    public static ModelInfo WithLoad(this ModelInfo info, TimeSpan loadTime, ModelMemoryEstimate estimate, string memoryNote) => info with
    {
        Details = new Dictionary<string, string>(info.Details)
        {
            [ModelInfo.LoadSecondsDetail] = loadTime.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture),
            ["memory_estimate_bytes"] = estimate.TotalBytes.ToString(CultureInfo.InvariantCulture),
            ["memory_check"] = memoryNote,
        },
    };
}
