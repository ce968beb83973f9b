namespace EvalKit.Bench;

/// <summary>The llama-bench tests.</summary>
public enum BenchTest
{
    /// <summary>Prompt processing: N tokens decoded in batches of <c>n_batch</c>.</summary>
    Pp,

    /// <summary>Text generation: N tokens decoded one at a time.</summary>
    Tg,

    /// <summary>llama-bench's <c>-pg pp,tg</c>: a prompt, then generation, timed together.</summary>
    Pg,
}
