using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;

namespace EvalKit.CodeScoring.Internal;

/// <summary>
/// Runs one Python program, fed on stdin, in a child process: under <see cref="SandboxPlan.Prefix"/> (namespaces,
/// another user), with rlimits set by a bash wrapper, a fresh scratch folder as cwd (deleted afterwards), an
/// environment holding only PATH, HOME, TMPDIR and LANG, and a wall-clock limit after which the whole process
/// group is killed. What is and is not isolated is written up in docs/code-scorer.md.
/// </summary>
internal static class CodeSandbox
{
    public const int SetupFailed = 97;
    private const int MaxProcesses = 64;
    private const int MaxFileMegabytes = 64;
    private const int KeptOutputChars = 4096;

    // Limits first; any that cannot be set stops the run rather than running the code with fewer limits.
    private const string Wrapper =
        "ulimit -v \"$1\" && ulimit -u \"$2\" && ulimit -t \"$3\" && ulimit -f \"$4\" && ulimit -c 0 || exit 97\n" +
        "unset PWD OLDPWD\n" +
        "exec env -u SHLVL \"$5\" -I -B -\n"; // bash re-exports SHLVL even when unset

    public static SandboxRun Run(SandboxPlan plan, string program, TimeSpan timeout, int memoryMb)
    {
        var scratch = Directory.CreateTempSubdirectory("evalkit-code-");
        try
        {
            // The code may run as another user (nobody), which must be able to write its own cwd.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(scratch.FullName, (UnixFileMode)0b111_111_111);
            return RunIn(plan, program, timeout, memoryMb, scratch.FullName);
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static SandboxRun RunIn(SandboxPlan plan, string program, TimeSpan timeout, int memoryMb, string scratch)
    {
        string[] command =
        [
            .. plan.Prefix, plan.Bash, "-c", Wrapper, "evalkit-sandbox",
            (memoryMb * 1024L).ToString(), MaxProcesses.ToString(), ((int)Math.Ceiling(timeout.TotalSeconds) + 1).ToString(),
            (MaxFileMegabytes * 1024 * 2).ToString(), plan.Python,
        ];
        var info = new ProcessStartInfo(command[0], command[1..])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = scratch,
        };
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        // With a private /tmp (a mount namespace) the scratch folder is hidden; the fresh /tmp is home and cwd.
        info.Environment["HOME"] = plan.PrivateTmp ? "/tmp" : scratch;
        info.Environment["TMPDIR"] = plan.PrivateTmp ? "/tmp" : scratch;
        info.Environment["LANG"] = "C.UTF-8";

        using var process = Process.Start(info)!;
        var stdout = Tail(process.StandardOutput);
        var stderr = Tail(process.StandardError);
        var feed = Task.Run(() =>
        {
            try
            {
                process.StandardInput.Write(program);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The process ended before reading everything (a setup failure or a kill); its exit says why.
            }
        });

        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
            process.Kill(entireProcessTree: true);
        if (plan.OwnsProcessGroup)
            KillGroup(process.Id);
        process.WaitForExit();
        // Descendants that escaped the kill could hold the pipes open; do not wait for them forever.
        Task.WaitAll([stdout, stderr, feed], TimeSpan.FromSeconds(5));
        return new SandboxRun(
            process.ExitCode, timedOut,
            stdout.IsCompletedSuccessfully ? stdout.Result : "", stderr.IsCompletedSuccessfully ? stderr.Result : "");
    }

    /// <summary>Reads a stream to its end, keeping only its last few thousand characters.</summary>
    private static Task<string> Tail(StreamReader reader) => Task.Run(async () =>
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            kept.Append(buffer, 0, read);
            if (kept.Length > 2 * KeptOutputChars)
                kept.Remove(0, kept.Length - KeptOutputChars);
        }
        return kept.Length > KeptOutputChars ? kept.ToString(kept.Length - KeptOutputChars, KeptOutputChars) : kept.ToString();
    });

    /// <summary>setsid made the child a process-group leader: kill whatever of its group is still alive.</summary>
    private static void KillGroup(int leader)
    {
        if (leader > 1)
            _ = Kill(-leader, 9);
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
