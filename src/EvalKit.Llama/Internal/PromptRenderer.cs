using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Core.Suites;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Turns a request into the exact text and tokens the model sees. Raw prompts are used as given (BOS added
/// when the model asks for it). Chat messages go through the model's own chat template; a model without
/// one gets a plain transcript, <c>System: …\nUser: …\nAssistant:</c>, so that base models can still be probed.
/// With <paramref name="customTemplate"/> that template replaces the model's; with <paramref name="wrapRawPrompts"/>
/// a raw prompt is rendered as one user turn when there is a template (<c>run --chat-template</c>).
/// </summary>
internal sealed class PromptRenderer(LLamaWeights weights, string? customTemplate = null, bool wrapRawPrompts = false)
{
    public const string ChatTemplateKey = "tokenizer.chat_template";

    public bool HasChatTemplate { get; } = customTemplate is not null || weights.Metadata.ContainsKey(ChatTemplateKey);

    public (string Text, LLamaToken[] Tokens) Render(GenerationRequest request)
    {
        var addBos = weights.Vocab.ShouldAddBOS;
        if (request.Messages is null && wrapRawPrompts && HasChatTemplate && request.Prompt is { } raw)
            request = GenerationRequest.Chat([new ChatMessage("user", raw)], request.Parameters);
        if (request.Messages is null)
        {
            var prompt = request.Prompt ?? throw new ArgumentException("A request needs a Prompt or Messages.", nameof(request));
            return (prompt, weights.Tokenize(prompt, addBos, false, Encoding.UTF8));
        }
        if (request.Messages.Count == 0)
            throw new ArgumentException("A chat request needs at least one message.", nameof(request));
        if (!HasChatTemplate)
        {
            var transcript = Transcript(request.Messages);
            return (transcript, weights.Tokenize(transcript, addBos, false, Encoding.UTF8));
        }

        var rendered = ApplyTemplate(request.Messages);
        // The template's own special tokens (<|user|>, <s>) must be parsed as such.
        var tokens = weights.Tokenize(rendered, addBos, true, Encoding.UTF8);
        return (rendered, DropDoubleBos(tokens));
    }

    /// <summary>The fallback for models without a chat template: one "Role: content" line per message.</summary>
    public static string Transcript(IEnumerable<ChatMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
            text.Append(RoleLabel(message.Role)).Append(": ").Append(message.Content).Append('\n');
        return text.Append("Assistant:").ToString();
    }

    private string ApplyTemplate(IEnumerable<ChatMessage> messages)
    {
        var template = customTemplate is null ? new LLamaTemplate(weights) : new LLamaTemplate(customTemplate);
        template.AddAssistant = true;
        foreach (var message in messages)
            template.Add(message.Role, message.Content);
        return Encoding.UTF8.GetString(template.Apply());
    }

    // Templates that start with the BOS text, tokenized with add_bos, would otherwise begin with two BOS tokens.
    private LLamaToken[] DropDoubleBos(LLamaToken[] tokens)
    {
        var bos = weights.Vocab.BOS;
        return tokens.Length >= 2 && bos is not null && tokens[0] == bos.Value && tokens[1] == bos.Value ? tokens[1..] : tokens;
    }

    private static string RoleLabel(string role) =>
        role.Length == 0 ? "User" : char.ToUpperInvariant(role[0]) + role[1..].ToLowerInvariant();
}
