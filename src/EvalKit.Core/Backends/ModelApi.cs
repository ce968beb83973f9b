namespace EvalKit.Core.Backends;

/// <summary>Which request shapes a model accepts, as declared by the user (<c>api:</c> in evalkit.yaml).</summary>
public enum ModelApi
{
    /// <summary>Raw prompts and chat messages alike (a local GGUF file, llama-server, vLLM serving both routes).</summary>
    Any,

    /// <summary>Chat messages only (<c>/chat/completions</c>): most hosted APIs, vLLM deployments of chat models.</summary>
    Chat,

    /// <summary>Raw prompts only (<c>/completions</c>): base models served without a chat template.</summary>
    Completions,
}
