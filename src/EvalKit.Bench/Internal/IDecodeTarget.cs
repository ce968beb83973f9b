namespace EvalKit.Bench.Internal;

/// <summary>A loaded model that runs repetitions of one <see cref="BenchCase"/>.</summary>
internal interface IDecodeTarget : IDisposable
{
    /// <summary>llama-bench's model fields: <c>llama_model_desc</c>, <c>llama_model_size</c> (bytes of weights), <c>llama_model_n_params</c>.</summary>
    (string Type, long Size, long Params) Model { get; }

    /// <summary>Untimed, before each repetition: empties the KV cache and fills it with the case's depth.</summary>
    void Prepare();

    /// <summary>One timed repetition; returns the time to the first sampled token and the tokens it counts (prompt and/or generated).</summary>
    (TimeSpan FirstToken, int Tokens) Run();
}
