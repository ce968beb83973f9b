using EvalKit.Core;

namespace EvalKit.Llama;

/// <summary>
/// One request's prompt does not fit the model's context. The backend stays usable; the runner records
/// the sample as failed rather than stopping the run.
/// </summary>
public sealed class PromptTooLongException(int promptTokens, int contextSize)
    : EvalKitException(
        $"The prompt is {promptTokens} tokens long but the model's context holds {contextSize}.",
        "Shorten the prompt, or load the model with a larger context size (up to what it was trained for).",
        ErrorKind.BadInput)
{
    public int PromptTokens { get; } = promptTokens;

    public int ContextSize { get; } = contextSize;
}
