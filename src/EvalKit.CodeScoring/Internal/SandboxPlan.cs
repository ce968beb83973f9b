using System.Diagnostics;
using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;

namespace EvalKit.CodeScoring.Internal;

/// <summary>
/// How the code scorer starts Python on this machine: the interpreter, and the strongest isolation that actually
/// works here, found once per process by running <c>pass</c> under each candidate, strongest first.
/// <see cref="Prefix"/> is the command that wraps the limit-setting bash script (see <see cref="CodeSandbox"/>).
/// </summary>
internal sealed record SandboxPlan(string Python, string Bash, IReadOnlyList<string> Prefix, string Isolation)
{
    /// <summary>Set to 1 (by <c>run --unsafe-code</c>) to let the code run without isolation where none works.</summary>
    public const string UnsafeVariable = "EVALKIT_UNSAFE_CODE";

    /// <summary>
    /// Run inside a private mount namespace before the other stages: fresh tmpfs over /tmp, /var/tmp, /dev/shm and
    /// /run (where Unix sockets live), the given folders (EvalKit's working directory, the cache folder) bound
    /// read-only, and /tmp as the working directory. Arguments: the folders, "--", then the command to exec.
    /// </summary>
    public const string MountScript =
        "for d in /tmp /var/tmp /dev/shm /run; do [ -d \"$d\" ] && { mount -t tmpfs -o size=64m,mode=1777 tmpfs \"$d\" || exit 97; }; done\n" +
        "while [ \"$1\" != -- ]; do mount --bind -o ro \"$1\" \"$1\" || exit 97; shift; done\n" +
        "shift; cd /tmp || exit 97\n" +
        "exec \"$@\"\n";

    /// <summary>True when the code runs in its own mount namespace with a private /tmp as its home and cwd.</summary>
    public bool PrivateTmp => Isolation.StartsWith("mountns", StringComparison.Ordinal) || Isolation.StartsWith("userns+mountns", StringComparison.Ordinal);

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
        var allowUnsafe = Environment.GetEnvironmentVariable(UnsafeVariable) == "1";
        foreach (var (prefix, isolation) in Candidates(bash, allowUnsafe))
        {
            var plan = new SandboxPlan(python, bash, prefix, isolation);
            if (Works(plan))
                return plan;
        }
        if (!allowUnsafe)
            throw new EvalKitException(
                "The code scorer would run model-written code without isolation: 'unshare' (util-linux) is "
                + (Which("unshare") is null ? "not on PATH" : "refused here (no namespaces allowed)") + ".",
                $"Install util-linux (apt-get install util-linux) and run where namespaces are allowed, or pass {Setting.UnsafeCode} to run "
                + $"the code unsandboxed (recorded in run.json; only for code you trust, or on a disposable machine).");
        throw new EvalKitException(
            $"The code scorer cannot start {python} even without isolation.",
            "Check that the interpreter runs: " + python + " -c pass");
    }

    private static IEnumerable<(IReadOnlyList<string> Prefix, string Isolation)> Candidates(string bash, bool allowUnsafe)
    {
        var setsid = Which("setsid") is { } s ? new[] { s } : [];
        var unshare = Which("unshare");
        var setpriv = Which("setpriv");
        string[] namespaces = ["--net", "--pid", "--fork", "--kill-child"];
        string[] mounts = [.. Mountable(), "--"];
        if (unshare is not null && Environment.IsPrivilegedProcess)
        {
            if (setpriv is not null)
                yield return ([.. setsid, unshare, "--mount", "--propagation", "private", .. namespaces, bash, "-c", MountScript, "evalkit-mount", .. mounts,
                    setpriv, $"--reuid={NobodyId}", $"--regid={NobodyId}", "--clear-groups", "--"], "mountns+netns+pidns+nobody");
            yield return ([.. setsid, unshare, "--mount", "--propagation", "private", .. namespaces, bash, "-c", MountScript, "evalkit-mount", .. mounts],
                "mountns+netns+pidns+root");
            if (setpriv is not null)
                yield return ([.. setsid, unshare, .. namespaces, setpriv, $"--reuid={NobodyId}", $"--regid={NobodyId}", "--clear-groups", "--"],
                    "netns+pidns+nobody");
            yield return ([.. setsid, unshare, .. namespaces], "netns+pidns+root");
        }
        else if (unshare is not null)
        {
            yield return ([.. setsid, unshare, "--user", "--map-root-user", "--mount", "--propagation", "private", .. namespaces,
                bash, "-c", MountScript, "evalkit-mount", .. mounts], "userns+mountns+netns+pidns");
            yield return ([.. setsid, unshare, "--user", "--map-root-user", .. namespaces], "userns+netns+pidns");
        }
        if (allowUnsafe)
            yield return ([.. setsid], "none");
    }

    /// <summary>
    /// Folders made read-only for the code: EvalKit's working directory (results/ and .cache/ by default) and the
    /// cache folder. Folders under the private temp folders are hidden anyway, and / is left alone.
    /// </summary>
    private static IEnumerable<string> Mountable()
    {
        string?[] folders = [Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable("EVALKIT_CACHE_DIR")];
        string[] hidden = ["/tmp", "/var/tmp", "/dev/shm", "/run"];
        return folders.OfType<string>().Where(Directory.Exists).Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)))
            .Where(f => f != "/" && !hidden.Any(h => f == h || f.StartsWith(h + "/", StringComparison.Ordinal)))
            .Distinct();
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
