using System.Text.Json;
using EvalKit.Core.Results;
using EvalKit.Core.Running;

namespace EvalKit.Cli.Supervision;

/// <summary>How a worker reports progress to its supervisor: one <c>@progress {json}</c> line on stdout per sample.</summary>
public static class WorkerProtocol
{
    private const string ProgressPrefix = "@progress ";

    public static string Format(RunProgress progress) => ProgressPrefix + JsonSerializer.Serialize(progress, JsonDefaults.Compact);

    public static RunProgress? TryParse(string line)
    {
        if (!line.StartsWith(ProgressPrefix, StringComparison.Ordinal))
            return null;
        try
        {
            return JsonSerializer.Deserialize<RunProgress>(line.AsSpan(ProgressPrefix.Length), JsonDefaults.Compact);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Worker side: writes progress lines synchronously so none are lost when the process dies.</summary>
    public sealed class Writer : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            Console.Out.WriteLine(Format(value));
            Console.Out.Flush();
        }
    }

    /// <summary>
    /// Worker side: the supervisor holds our stdin open; when it dies (even by SIGKILL) the pipe closes and the
    /// worker stops too, so no orphan keeps writing to the run folder.
    /// </summary>
    public static void ExitWhenSupervisorDies() =>
        new Thread(() =>
        {
            try
            {
                while (Console.In.Read() >= 0)
                {
                }
            }
            catch (IOException)
            {
            }
            Environment.Exit(ExitCodesForWorker.SupervisorGone);
        }) { IsBackground = true, Name = "supervisor-watch" }.Start();
}

/// <summary>Exit codes only a worker uses.</summary>
public static class ExitCodesForWorker
{
    public const int SupervisorGone = 75;
}
