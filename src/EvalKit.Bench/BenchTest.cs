namespace EvalKit.Bench;

/// <summary>The two llama-bench tests.</summary>
public enum BenchTest
{
    /// <summary>Prompt processing: N tokens decoded as one batch.</summary>
    Pp,

    /// <summary>Text generation: N tokens decoded one at a time.</summary>
    Tg,
}
