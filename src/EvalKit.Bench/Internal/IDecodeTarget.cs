namespace EvalKit.Bench.Internal;

/// <summary>A loaded model that runs one repetition of a test and returns its time to first token.</summary>
internal interface IDecodeTarget : IDisposable
{
    /// <summary>Decodes <paramref name="tokens"/> prompt tokens in one batch and samples one token.</summary>
    TimeSpan PromptProcessing(int tokens);

    /// <summary>Generates tokens one at a time from a one-token prompt; returns the time to the first and the count.</summary>
    (TimeSpan FirstToken, int Generated) Generation(int tokens);
}
