using System.Net;
using System.Net.Sockets;
using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

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

        // Then
        Assert.True(run.ExitCode == 0, run.Errors);
        var scratch = run.Output.Trim();
        Assert.Contains("evalkit-code-", scratch);
        Assert.False(Directory.Exists(scratch), $"{scratch} was not deleted");
    }

    [Fact]
    public void Sandbox_on_this_machine_blocks_the_network_and_says_so_in_the_reason()
    {
        var plan = SandboxPlan.Current;

        Assert.Contains("netns", plan.Isolation);
        Assert.EndsWith($"[sandbox {plan.Isolation}]", Code().Score(AnyCode, "x = 1\n").Reason);
    }

    private static IScorer Code(string timeoutSeconds = "10") =>
        ScorerCatalog.Create(new ScorerSpec("code", new Dictionary<string, string> { ["timeout_s"] = timeoutSeconds }));
}
