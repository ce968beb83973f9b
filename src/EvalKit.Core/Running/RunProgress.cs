namespace EvalKit.Core.Running;

/// <summary>A progress report after each finished sample, for progress bars and logs.</summary>
public sealed record RunProgress(string Model, string Suite, int Completed, int Total, string? LastLabel, string Phase)
{
    public const string Loading = "loading";
    public const string Generating = "generating";
    public const string Judging = "judging";
}
