using System.Diagnostics;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests.Support;

/// <summary>
/// Debian's headless Chromium, run as a process on a local file: no network, a throwaway profile. Missing Chromium
/// fails the test (never skips); .ci/run installs it.
/// </summary>
internal static class Chromium
{
    public static string Executable { get; } = Find();

    /// <summary>The DOM after the page's scripts ran (virtual time lets load handlers and timers finish).</summary>
    public static string DumpDom(string file, string hash = "") => Run(["--virtual-time-budget=3000", "--dump-dom", Url(file, hash)]);

    public static void Screenshot(string file, string png, int width = 1400, int height = 5600, string hash = "") =>
        Run(["--virtual-time-budget=3000", "--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={png}", Url(file, hash)]);

    private static string Url(string file, string hash) => new Uri(Path.GetFullPath(file)).AbsoluteUri + hash;

    private static string Run(IEnumerable<string> args)
    {
        using var profile = new TempDir();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile.Path}",
        }.Concat(args))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 3 minutes: " + string.Join(' ', start.ArgumentList));
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(fromEnv))
            return fromEnv;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            foreach (var name in new[] { "chromium", "chromium-browser" })
                if (File.Exists(Path.Combine(dir, name)))
                    return Path.Combine(dir, name);
        throw new InvalidOperationException("Chromium not found on PATH. Install Debian's package: apt-get install -y chromium (.ci/run does this).");
    }
}
