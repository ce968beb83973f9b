using System.Diagnostics;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// How the code scorer starts Python on this machine: the interpreter, and the strongest isolation that actually
/// works here, found once per process by running <c>pass</c> under each candidate, strongest first.
/// <see cref="Prefix"/> is the command that wraps the limit-setting bash script (see <see cref="CodeSandbox"/>).
/// </summary>
internal sealed record SandboxPlan(string Python, string Bash, IReadOnlyList<string> Prefix, string Isolation)
{
    /// <summary>The uid untrusted code runs as when EvalKit itself runs as root (nobody on Debian/Ubuntu/Fedora).</summary>
    public const int NobodyId = 65534;

    private static readonly Lazy<SandboxPlan> _current = new(Detect);

    /// <summary>True when the code starts under <c>setsid</c>, so its process group can be killed as a whole.</summary>
    public bool OwnsProcessGroup => Prefix.Count > 0 && Path.GetFileName(Prefix[0]) == "setsid";

    /// <summary>The plan for this machine; throws <see cref="EvalKitException"/> when Python 3 or bash is missing.</summary>
    public static SandboxPlan Current => _current.Value;

    private static SandboxPlan Detect()
    {
        if (!OperatingSystem.IsLinux())
            throw new EvalKitException("The code scorer runs only on Linux (it relies on rlimits, namespaces and setsid).",
                "Run coding suites on a Linux machine or in a Linux container.");
        var python = FindPython() ?? throw new EvalKitException(
            "The code scorer needs Python 3, but none was found (looked at $EVALKIT_PYTHON, /usr/bin/python3, "
            + "/usr/local/bin/python3 and python3 on PATH).",
            "Install python3, or set EVALKIT_PYTHON to the interpreter's path.");
        var bash = Which("bash") ?? throw new EvalKitException(
            "The code scorer needs bash to set resource limits, but bash is not on PATH.", "Install bash.");
        foreach (var (prefix, isolation) in Candidates())
        {
            var plan = new SandboxPlan(python, bash, prefix, isolation);
            if (Works(plan))
                return plan;
        }
        throw new EvalKitException(
            $"The code scorer cannot start {python} even without isolation.",
            "Check that the interpreter runs: " + python + " -c pass");
    }

    private static IEnumerable<(IReadOnlyList<string> Prefix, string Isolation)> Candidates()
    {
        var setsid = Which("setsid") is { } s ? new[] { s } : [];
        var unshare = Which("unshare");
        var setpriv = Which("setpriv");
        string[] namespaces = ["--net", "--pid", "--fork", "--kill-child"];
        if (unshare is not null && Environment.IsPrivilegedProcess)
        {
            if (setpriv is not null)
                yield return ([.. setsid, unshare, .. namespaces, setpriv, $"--reuid={NobodyId}", $"--regid={NobodyId}", "--clear-groups", "--"],
                    "netns+pidns+nobody");
            yield return ([.. setsid, unshare, .. namespaces], "netns+pidns+root");
        }
        else if (unshare is not null)
            yield return ([.. setsid, unshare, "--user", "--map-root-user", .. namespaces], "userns+netns+pidns");
        yield return ([.. setsid], "none");
    }

    private static bool Works(SandboxPlan plan)
    {
        try
        {
            var run = CodeSandbox.Run(plan, "pass\n", TimeSpan.FromSeconds(20), memoryMb: 256);
            return run.ExitCode == 0 && !run.TimedOut;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            return false;
        }
    }

    private static string? FindPython()
    {
        if (Environment.GetEnvironmentVariable("EVALKIT_PYTHON") is { Length: > 0 } configured)
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        // The system interpreter first: it is readable by the unprivileged user the code runs as,
        // where a pyenv or venv interpreter under /root may not be.
        foreach (var path in new[] { "/usr/bin/python3", "/usr/local/bin/python3" })
        {
            if (File.Exists(path))
                return path;
        }
        return Which("python3") is { } onPath ? RealInterpreter(onPath) : null;
    }

    /// <summary>The interpreter behind a shim (pyenv's python3 is a script that needs the caller's environment).</summary>
    private static string? RealInterpreter(string python)
    {
        try
        {
            var info = new ProcessStartInfo(python, ["-c", "import sys; print(sys.executable)"]) { RedirectStandardOutput = true };
            using var process = Process.Start(info)!;
            var path = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(10_000) && process.ExitCode == 0 && File.Exists(path) ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
