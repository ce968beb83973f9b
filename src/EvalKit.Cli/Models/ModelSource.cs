using System.Text.RegularExpressions;
using EvalKit.Core;

namespace EvalKit.Cli.Models;

/// <summary>Which backend runs a model, from the source a user wrote.</summary>
public enum ModelSourceKind
{
    /// <summary>A local GGUF file: <c>llama:PATH</c> or a plain path.</summary>
    Llama,

    /// <summary>An OpenAI-compatible endpoint: <c>openai:URL#MODEL</c>.</summary>
    OpenAi,
}

/// <summary>
/// A model source parsed in one place: <c>llama:models/s.gguf</c> or <c>models/s.gguf</c> (local), and
/// <c>openai:http://host:8000/v1#model-name</c> (the API root, then the model name the server knows).
/// </summary>
public sealed partial record ModelSource(ModelSourceKind Kind, string Text)
{
    public const string LlamaScheme = "llama:";
    public const string OpenAiScheme = "openai:";
    private const string OpenAiForm = "Write an endpoint as openai:http://host:8000/v1#model-name (the API root, then '#' and the model name).";

    /// <summary>The GGUF file of a local model.</summary>
    public string? Path { get; private init; }

    /// <summary>The API root of an endpoint, e.g. <c>http://host:8000/v1</c>.</summary>
    public Uri? BaseUrl { get; private init; }

    /// <summary>The model name sent to an endpoint.</summary>
    public string? Model { get; private init; }

    /// <exception cref="EvalKitException">An unknown scheme, or an endpoint without a URL or model name.</exception>
    public static ModelSource Parse(string source)
    {
        var text = source.Trim();
        if (text.StartsWith(OpenAiScheme, StringComparison.OrdinalIgnoreCase))
            return ParseEndpoint(text);
        if (text.StartsWith(LlamaScheme, StringComparison.OrdinalIgnoreCase))
            return new ModelSource(ModelSourceKind.Llama, text) { Path = text[LlamaScheme.Length..] };
        // Anything else with a scheme (but not a Windows drive, C:\...) is a typo or a backend that does not exist.
        if (SchemePrefix().Match(text) is { Success: true } scheme)
            throw Errors.BadOption("--model", source,
                $"Unknown model source '{scheme.Value}'. Use llama:PATH.gguf (or a plain path) for a local model. " + OpenAiForm);
        return new ModelSource(ModelSourceKind.Llama, text) { Path = text };
    }

    private static ModelSource ParseEndpoint(string text)
    {
        var rest = text[OpenAiScheme.Length..];
        var hash = rest.LastIndexOf('#');
        var url = hash < 0 ? rest : rest[..hash];
        var model = hash < 0 ? "" : rest[(hash + 1)..].Trim();
        if (model.Length == 0)
            throw Errors.BadOption("--model", text, "The model name is missing. " + OpenAiForm);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            throw Errors.BadOption("--model", text, $"'{url}' is not an http(s) URL. " + OpenAiForm);
        return new ModelSource(ModelSourceKind.OpenAi, text) { BaseUrl = baseUrl, Model = model };
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]+:")]
    private static partial Regex SchemePrefix();
}
