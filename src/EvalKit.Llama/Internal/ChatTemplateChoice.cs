using System.Security.Cryptography;
using System.Text;
using EvalKit.Core;
using LLama;

namespace EvalKit.Llama.Internal;

/// <summary>
/// What <see cref="LlamaModelOptions.ChatTemplate"/> means for one loaded model: the template text to use instead of
/// the model's (a file), whether raw prompts are wrapped, and how run.json and the response cache name the choice.
/// </summary>
internal sealed record ChatTemplateChoice(string? CustomTemplate, bool WrapRawPrompts, string Source, string? CacheVariant)
{
    public const string Auto = "auto";
    public const string None = "none";

    public static ChatTemplateChoice For(string? option, LLamaWeights weights)
    {
        if (option is null or None)
            return new(null, false, weights.Metadata.ContainsKey(PromptRenderer.ChatTemplateKey)
                ? "gguf metadata (tokenizer.chat_template), chat messages only; raw prompts sent as written" : "none", null);
        if (option == Auto)
            return weights.Metadata.ContainsKey(PromptRenderer.ChatTemplateKey)
                ? new(null, true, "gguf metadata (tokenizer.chat_template), raw prompts wrapped as one user turn", VariantOf(option))
                : new(null, false, "none (the model has no chat template; raw prompts sent as written)", VariantOf(option));
        var (text, sha256) = Read(option);
        return new(text, true, $"file {Path.GetFullPath(option)} (sha256 {sha256}), raw prompts wrapped as one user turn", "chat-template:sha256:" + sha256);
    }

    /// <summary>The suffix the response cache adds to the model's identity for this option, known before loading the model.</summary>
    public static string? VariantOf(string? option) => option switch
    {
        null or None => null,
        Auto => "chat-template:auto",
        _ => "chat-template:sha256:" + Read(option).Sha256,
    };

    private static (string Text, string Sha256) Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return (Encoding.UTF8.GetString(bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.PathNotFound("Chat template file", path, "Pass --chat-template auto, none, or a readable file holding a template llama.cpp knows (e.g. a chatml template).");
        }
    }
}
