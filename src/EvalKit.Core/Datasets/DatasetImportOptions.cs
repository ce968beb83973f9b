namespace EvalKit.Core.Datasets;

/// <summary>How to read a dataset: the column mapping (plain JSONL/CSV only), a row limit and seeded sampling.</summary>
public sealed record DatasetImportOptions
{
    public static DatasetImportOptions Default { get; } = new();

    /// <summary>Which fields hold the prompt, answers, id and tags; required by the plain <c>jsonl</c> and <c>csv</c> formats.</summary>
    public ColumnMapping? Mapping { get; init; }

    /// <summary>Read only the first N usable rows (reading stops there, so a huge file is not read to its end).</summary>
    public int? Limit { get; init; }

    /// <summary>Keep N cases picked at random with <see cref="Seed"/> (after <see cref="Limit"/>), in file order.</summary>
    public int? Sample { get; init; }

    /// <summary>The seed of <see cref="Sample"/>; the same seed and file always give the same cases.</summary>
    public ulong Seed { get; init; }

    /// <summary>Write cases as chat <c>messages</c> (the prompt as the user turn) instead of raw prompts (<c>import --as chat</c>).</summary>
    public bool Chat { get; init; }

    /// <summary>Solved examples put before each case, from the dataset's train/dev split (<c>import --fewshot K</c>); null for none.</summary>
    public int? FewShot { get; init; }

    /// <summary>The seed that draws each case's few-shot examples.</summary>
    public ulong FewShotSeed { get; init; }

    /// <summary>The file or folder to draw few-shot examples from instead of the format's own split.</summary>
    public string? FewShotFrom { get; init; }
}
