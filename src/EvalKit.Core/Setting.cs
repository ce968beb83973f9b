namespace EvalKit.Core;

/// <summary>
/// A setting the user chooses for a run or an import, named in an <see cref="ErrorText"/> instead of spelling out how
/// a front end sets it: the CLI words each as its option (<c>--max-cost</c>), other hosts as their own.
/// </summary>
public enum Setting
{
    /// <summary>The folder results are written under.</summary>
    OutputFolder,

    /// <summary>Finishing an existing run folder instead of starting a new one.</summary>
    Resume,

    /// <summary>The spend at which a run stops.</summary>
    MaxCost,

    /// <summary>The slice of the cases a run takes (K of N).</summary>
    Shard,

    /// <summary>A model that answers the cases, as NAME=SOURCE.</summary>
    Model,

    /// <summary>A judge-only model, as NAME=SOURCE.</summary>
    Judge,

    /// <summary>One model's generation setting, as NAME.KEY=VALUE.</summary>
    ModelOption,

    /// <summary>Running without the response cache.</summary>
    NoCache,

    /// <summary>How many few-shot examples an import puts before each case.</summary>
    FewShot,

    /// <summary>The file few-shot examples are taken from.</summary>
    FewShotFrom,

    /// <summary>Whether an import writes raw prompts or chat messages.</summary>
    PromptShape,

    /// <summary>Letting model-written code run without a sandbox.</summary>
    UnsafeCode,
}
