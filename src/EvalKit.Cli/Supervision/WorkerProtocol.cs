using System.Text.Json;
using EvalKit.Core.Results;
using EvalKit.Core.Running;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// How a worker talks to its supervisor on stdout: one <c>@progress {json}</c> line per sample, and a last
/// <c>@verdict N</c> line with the exit code the worker chose. An exit without a matching verdict is a worker that
/// died (a native abort, a runtime library calling exit()), never a result.
/// </summary>
public static class WorkerProtocol
{
    private const string ProgressPrefix = "@progress ";
    private const string VerdictPrefix = "@verdict ";

    /// <summary>The hidden option that makes <c>run</c> a worker.</summary>
    public const string WorkerOption = "--worker";

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

    /// <summary>The exit code of a <c>@verdict N</c> line, else null.</summary>
    public static int? TryParseVerdict(string line) =>
        line.StartsWith(VerdictPrefix, StringComparison.Ordinal)
        && int.TryParse(line.AsSpan(VerdictPrefix.Length), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    /// <summary>Worker side: the last line a worker writes, after everything else, just before it exits with <paramref name="exitCode"/>.</summary>
    public static void WriteVerdict(int exitCode)
    {
        Console.Out.Flush();
        Console.Out.WriteLine(VerdictPrefix + exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Console.Out.Flush();
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
