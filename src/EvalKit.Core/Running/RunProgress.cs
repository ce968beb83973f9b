namespace EvalKit.Core.Running;

/// <summary>
/// A progress report for progress bars and logs. <see cref="Phase"/> says what the model is doing: a model's turn
/// begins with <see cref="Starting"/> (nothing loaded yet), <see cref="Loading"/> is reported only when a model
/// or endpoint is really being loaded (on the first cache miss), and each finished sample is reported as
/// <see cref="Cached"/> or <see cref="Generating"/> by where its answer came from. While llama.cpp reads a local
/// model's weights, <see cref="LoadingWeights"/> reports its progress as <see cref="Completed"/> percent of a
/// <see cref="Total"/> of 100.
/// </summary>
public sealed record RunProgress(string Model, string Suite, int Completed, int Total, string? LastLabel, string Phase)
{
    public const string Starting = "starting";
    public const string Loading = "loading";
    public const string LoadingWeights = "loading-weights";
    public const string Cached = "cached";
    public const string Generating = "generating";
    public const string Judging = "judging";
}
