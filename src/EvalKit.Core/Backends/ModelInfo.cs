namespace EvalKit.Core.Backends;

/// <summary>
/// What the run manifest records about a model so that a result can be reproduced:
/// where it came from, its identity (file hash or endpoint + name) and backend details.
/// </summary>
public sealed record ModelInfo
{
    /// <summary><see cref="Details"/> key: seconds the backend took to load the model in this run.</summary>
    public const string LoadSecondsDetail = "load_seconds";

    /// <summary><see cref="Details"/> key: peak resident memory (bytes) of the process while it ran this model.</summary>
    public const string PeakResidentBytesDetail = "peak_rss_bytes";

    public required string Name { get; init; }
    public required string Backend { get; init; }
    public required string Source { get; init; }

    /// <summary>SHA-256 of the model file, or null for remote models.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Backend-specific facts: architecture, parameter count, threads, context size, native library.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
