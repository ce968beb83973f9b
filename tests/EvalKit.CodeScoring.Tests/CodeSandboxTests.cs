using System.Net;
using System.Net.Sockets;
using EvalKit.CodeScoring.Internal;
using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.CodeScoring.Tests;

/// <summary>
/// Hostile programs are recorded as failures with their cause and leave nothing behind. Each is bounded on its own
/// (a fixed number of forks, a loopback-only socket) so that a missing limit fails the test instead of the machine.
/// </summary>
public sealed class CodeSandboxTests
{
    private static readonly EvalCase AnyCode = new()
    {
        Id = "hostile",
        Messages = [new ChatMessage("user", "Write code.")],
        Metadata = new Dictionary<string, string> { ["test"] = "assert True" },
    };

    [Fact]
    public void Infinite_loop_is_killed_at_the_time_limit()
    {
        var score = Code(timeoutSeconds: "1.5").Score(AnyCode, "while True:\n    pass\n");

        Assert.Equal(ScoreLabel.Incorrect, score.Label);
        Assert.StartsWith("timeout: still running after 1.5 s, killed", score.Reason);
    }

    [Fact]
    public void Fork_bomb_stops_at_the_process_limit()
    {
        // Given: at most 200 forks, each child sleeping, so even without a limit nothing explodes
        const string forks = """
            import os, time
            started = 0
            for _ in range(200):
                if os.fork() == 0:
                    time.sleep(5)
                    os._exit(0)
                started += 1
            raise SystemExit(f"started {started} processes: no process limit")
            """;

        // When
        var score = Code().Score(AnyCode, forks);

        // Then
        Assert.Equal(ScoreLabel.Incorrect, score.Label);
        Assert.StartsWith("process limit: cannot start more processes: \"BlockingIOError", score.Reason);
    }

    [Fact]
    public void Huge_allocation_hits_the_memory_limit()
    {
        var score = Code().Score(AnyCode, "block = bytearray(8 * 1024 ** 3)\n");

        Assert.Equal(ScoreLabel.Incorrect, score.Label);
        Assert.StartsWith("memory: limit of 512 MB exceeded: \"MemoryError", score.Reason);
    }

    [Fact]
    public void Socket_to_a_listening_loopback_port_is_blocked()
    {
        // Given: a real listener, so a reachable network would let the program connect and pass
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connect = $"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'escaped')\n";

        // When
        var score = Code().Score(AnyCode, connect);

        // Then
        Assert.Equal(ScoreLabel.Incorrect, score.Label);
        Assert.StartsWith("network blocked: \"OSError: [Errno 101] Network is unreachable\"", score.Reason);
        Assert.False(listener.Pending(), "the program reached the listener");
    }

    [Fact]
    public void Program_runs_in_an_empty_scratch_folder_with_a_clean_environment_and_the_folder_is_deleted()
    {
        // Given
        Environment.SetEnvironmentVariable("EVALKIT_TEST_SECRET", "hunter2");
        const string probe = """
            import os
            assert os.listdir('.') == [], os.listdir('.')
            assert 'EVALKIT_TEST_SECRET' not in os.environ, 'secret leaked'
            assert sorted(os.environ) == ['HOME', 'LANG', 'PATH', 'TMPDIR'], sorted(os.environ)
            open('left-behind.txt', 'w').write('x')
            print(os.getcwd())
            """;

        // When
        var run = CodeSandbox.Run(SandboxPlan.Current, probe, TimeSpan.FromSeconds(10), memoryMb: 256);

        // Then: the cwd is the private /tmp of a mount namespace (else a scratch folder, deleted afterwards)
        Assert.True(run.ExitCode == 0, run.Errors);
        var scratch = run.Output.Trim();
        if (SandboxPlan.Current.PrivateTmp)
            Assert.Equal("/tmp", scratch);
        else
            Assert.Contains("evalkit-code-", scratch);
        Assert.False(File.Exists(Path.Combine(scratch, "left-behind.txt")), $"{scratch}/left-behind.txt is visible outside");
    }

    [Fact]
    public void Sandbox_on_this_machine_blocks_the_network_and_says_so_in_the_reason()
    {
        var plan = SandboxPlan.Current;

        Assert.Contains("netns", plan.Isolation);
        Assert.Contains("mountns", plan.Isolation);
        Assert.EndsWith($"[sandbox {plan.Isolation}]", Code().Score(AnyCode, "x = 1\n").Reason);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Hostile_program_reaches_no_socket_and_writes_nowhere_outside_and_is_still_scored()
    {
        // Given: a loopback listener, a Unix socket, a results folder and a cache folder made by the test, and
        // EvalKit's working directory; the program tries each and writes down what got through
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var temp = new TempDir();
        var socketPath = temp.File("s.sock");
        using var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        unix.Bind(new UnixDomainSocketEndPoint(socketPath));
        unix.Listen(1);
        File.SetUnixFileMode(socketPath, (UnixFileMode)0b111_111_111);
        var results = Directory.CreateDirectory(temp.File("results")).FullName;
        var cache = Directory.CreateDirectory(temp.File(".cache")).FullName;
        foreach (var dir in new[] { temp.Path, results, cache })
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111); // even world-writable folders stay out of reach
        var outside = Directory.GetCurrentDirectory();
        var hostile = $$"""
            import socket
            got = []
            def attempt(name, action):
                try:
                    action()
                    got.append(name)
                except Exception:
                    pass
            attempt('tcp', lambda: socket.create_connection(('127.0.0.1', {{port}}), timeout=3).sendall(b'escaped'))
            def unix():
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.settimeout(3); s.connect('{{socketPath}}'); s.sendall(b'escaped')
            attempt('unix', unix)
            attempt('evalkit cwd', lambda: open('{{outside}}/escaped.txt', 'w').write('x'))
            for folder in ['{{results}}', '{{cache}}', '{{temp.Path}}']:
                try:
                    open(folder + '/escaped.txt', 'w').write('x')
                except Exception:
                    pass
            assert got == [], got
            """;

        // When
        var score = Code().Score(AnyCode, hostile);

        // Then: scored (the program's own check passed: no socket, no write to EvalKit's folder), and nothing
        // it wrote is visible outside
        Assert.True(score.Label == ScoreLabel.Correct, score.Reason);
        Assert.False(listener.Pending(), "the program reached the TCP listener");
        unix.Blocking = false;
        Assert.Throws<SocketException>(() => unix.Accept());
        foreach (var dir in new[] { results, cache, temp.Path, outside })
            Assert.False(File.Exists(Path.Combine(dir, "escaped.txt")), $"the program wrote into {dir}");
    }

    private static IScorer Code(string timeoutSeconds = "10")
    {
        Registration.Ensure();
        return ScorerCatalog.Create(new ScorerSpec("code", new Dictionary<string, string> { ["timeout_s"] = timeoutSeconds }));
    }
}
