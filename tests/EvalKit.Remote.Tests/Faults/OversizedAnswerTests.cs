using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Tests.Faults;

/// <summary>Whatever a server sends, an answer is cut at <see cref="AnswerLimit"/>; a line that never ends and a web page are errors.</summary>
public sealed class OversizedAnswerTests
{
    private const long Flood = 64L << 20;

    [Fact]
    public async Task A_server_streaming_64_MB_for_max_tokens_16_is_cut_at_the_limit_and_recorded_as_length_capped()
    {
        // Given: a server that streams 64 MB of 64 KiB pieces, whatever max_tokens says
        long sent = 0;
        await using var server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            var piece = new string('x', 65_536);
            await FaultServer.BeginStreamAsync(http);
            while (Interlocked.Read(ref sent) < Flood && !http.RequestAborted.IsCancellationRequested)
            {
                await FaultServer.EventAsync(http, FaultServer.Chunk(piece, null));
                Interlocked.Add(ref sent, piece.Length);
            }
        });
        using var temp = new TempDir();
        var suite = SuiteLoader.Parse("id: flood\nkind: custom\ndefaults: {max_tokens: 16}\nscorer: contains\ncases:\n  - {id: a, prompt: hi, expected: [x]}\n",
            temp.File("flood.yaml"), new SuiteLoadOptions());

        // When a run asks it for one answer
        var result = await TestBackendFactory.RunAsync(suite, server.Options, temp.File("results"));

        // Then the sample holds exactly 16 × 32 characters, says it was capped, and the server was cut off early
        var sample = Assert.Single(SamplesReader.Read(result.Directory.Path));
        Assert.Null(sample.Error);
        Assert.Equal(16 * AnswerLimit.CharsPerToken, sample.Completion.Length);
        Assert.Equal("length_capped", sample.FinishReason);
        Assert.True(new FileInfo(Path.Combine(result.Directory.Path, "samples.jsonl")).Length < 64 * 1024);
        // (How much the server managed to write is not asserted: after the client hangs up, Kestrel may accept the
        // rest of the flood into a dead connection before it signals the abort, faster on an idle machine.)
    }

    [Fact]
    public async Task A_line_that_never_ends_stops_the_reading_at_the_line_limit()
    {
        long sent = 0;
        await using var server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            await FaultServer.BeginStreamAsync(http);
            await FaultServer.RawAsync(http, "data: {\"choices\":[{\"index\":0,\"text\":\"");
            var block = new string('y', 65_536);
            while (Interlocked.Read(ref sent) < Flood && !http.RequestAborted.IsCancellationRequested)
            {
                await FaultServer.RawAsync(http, block);
                Interlocked.Add(ref sent, block.Length);
            }
        });
        // The idle timeout restarts only per event: a long one shows that the line limit, not the stall check, stops it.
        await using var backend = OpenAiBackend.Create(server.Options with { MaxRetries = 0, IdleTimeout = TimeSpan.FromMinutes(5) });

        var failure = await Assert.ThrowsAsync<EvalKitException>(() =>
            backend.GenerateAsync(GenerationRequest.Raw("hi", new GenerationParameters { MaxTokens = 16 })));

        var limit = Internal.CompletionStream.MaxLineBytes(AnswerLimit.MaxChars);
        // The reader threw at the limit, so it never held more than one limit's worth of the line.
        Assert.True(failure.Message.Contains($"a line longer than {limit:N0} bytes"), failure.Message);
    }

    [Fact]
    public async Task A_web_page_answered_with_200_is_named_as_such_and_not_retried()
    {
        await using var server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await FaultServer.RawAsync(http, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        });
        await using var backend = OpenAiBackend.Create(server.Options);

        var failure = await Assert.ThrowsAsync<EvalKitException>(() =>
            backend.GenerateAsync(GenerationRequest.Raw("hi", new GenerationParameters { MaxTokens = 8 })));

        Assert.Contains("the server answered text/html, not an OpenAI-compatible JSON/event stream (is the URL right?", failure.Message);
        Assert.DoesNotContain("stream ended", failure.Message);
        Assert.Equal(1, server.AttemptsFor("hi"));
    }
}
