namespace EvalKit.Core.Backends;

/// <summary>
/// Settings that belong to one model rather than to a suite (a teacher's recommended sampling, for example DeepSeek-R1's
/// temperature 0.6, top-p 0.95 and no system prompt). Each one that is set overrides the suite's default for that
/// model only; null leaves the suite's value. Merged command line over evalkit.yaml (<see cref="Over"/>).
/// </summary>
public sealed record ModelSettings
{
    public static ModelSettings None { get; } = new();

    public float? Temperature { get; init; }
    public float? TopP { get; init; }
    public int? MaxTokens { get; init; }

    /// <summary>False drops the suite's system prompt for this model (a case's own system message is kept).</summary>
    public bool? SystemPrompt { get; init; }

    /// <summary>Asks the model to think (true) or not (false); sent to endpoints as <c>chat_template_kwargs.enable_thinking</c>.</summary>
    public bool? Reasoning { get; init; }

    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>What the model accepts; a case it cannot take is refused before the run starts.</summary>
    public ModelApi? Api { get; init; }

    /// <summary>These settings, with every one left unset taken from <paramref name="fallback"/>.</summary>
    public ModelSettings Over(ModelSettings? fallback) => fallback is null ? this : new ModelSettings
    {
        Temperature = Temperature ?? fallback.Temperature,
        TopP = TopP ?? fallback.TopP,
        MaxTokens = MaxTokens ?? fallback.MaxTokens,
        SystemPrompt = SystemPrompt ?? fallback.SystemPrompt,
        Reasoning = Reasoning ?? fallback.Reasoning,
        Stop = Stop ?? fallback.Stop,
        Api = Api ?? fallback.Api,
    };

    public bool Equals(ModelSettings? other) =>
        other is not null && Temperature == other.Temperature && TopP == other.TopP && MaxTokens == other.MaxTokens
        && SystemPrompt == other.SystemPrompt && Reasoning == other.Reasoning && Api == other.Api
        && (Stop ?? []).SequenceEqual(other.Stop ?? []) && (Stop is null) == (other.Stop is null);

    public override int GetHashCode() => HashCode.Combine(Temperature, TopP, MaxTokens, SystemPrompt, Reasoning, Api, Stop?.Count);
}
