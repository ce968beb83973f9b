using EvalKit.Core.Results;

namespace EvalKit.Core.Running;

/// <summary>
/// <c>inflight.txt</c> in a run folder names the sample being generated right now, so a supervisor that sees
/// its worker die knows which case to blame. Written before each case, removed when the run finishes.
/// </summary>
public static class InflightMarker
{
    public const string FileName = "inflight.txt";

    public static void Write(RunDirectory directory, string sampleKey) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(directory.Path, FileName), sampleKey);

    public static string? Read(RunDirectory directory)
    {
        var path = System.IO.Path.Combine(directory.Path, FileName);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public static void Clear(RunDirectory directory) => File.Delete(System.IO.Path.Combine(directory.Path, FileName));
}
