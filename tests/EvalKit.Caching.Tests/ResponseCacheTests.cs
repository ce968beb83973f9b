using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;
using Microsoft.Data.Sqlite;

namespace EvalKit.Caching.Tests;

public class ResponseCacheTests
{
    private static readonly ModelInfo Model = new() { Name = "m", Backend = "llama.cpp", Source = "/models/m.gguf", Sha256 = "ab12cd34" };

    private static readonly GenerationRequest Request = GenerationRequest.Chat(
        [new ChatMessage("system", "Be brief."), new ChatMessage("user", "Capital of France?")],
        new GenerationParameters { MaxTokens = 16, Temperature = 0.7f, TopP = 0.9f, Seed = 7, Stop = ["\n"] });

    private static Completion Answer(string text) => new()
    {
        Text = text,
        PromptTokens = 12,
        CompletionTokens = 3,
        TimeToFirstToken = TimeSpan.FromMilliseconds(12.5),
        TotalTime = TimeSpan.FromMilliseconds(40.25),
        FinishReason = FinishReason.Length,
        RenderedPrompt = "<s>Be brief. Capital of France?",
    };

    [Fact]
    public void Key_is_stable_and_changes_with_the_model_the_messages_and_every_sampling_parameter()
    {
        var parameters = Request.Parameters;
        var key = ResponseCache.KeyOf("sha256:ab12cd34", Request);

        var variants = new[]
        {
            ResponseCache.KeyOf("sha256:ffff", Request),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Messages = [new ChatMessage("user", "Capital of France?")] }),
            ResponseCache.KeyOf("sha256:ab12cd34", GenerationRequest.Raw("Capital of France?", parameters)),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { MaxTokens = 17 } }),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { Temperature = 0.8f } }),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { TopP = 0.95f } }),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { Seed = 8 } }),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { Stop = ["\n", "Q:"] } }),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { Reasoning = false } }),
            ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { Reasoning = true } }),
        };

        Assert.Equal(key, ResponseCache.KeyOf("sha256:ab12cd34", Request with { Parameters = parameters with { Stop = ["\n"] } }));
        Assert.Equal(variants.Length + 1, variants.Append(key).Distinct().Count());
    }

    [Fact]
    public void A_stored_completion_comes_back_with_its_original_counts_and_timings()
    {
        using var temp = new TempDir();
        var key = ResponseCache.KeyOf(ModelIdentity.Of(Model), Request);
        using (var cache = ResponseCache.Open(temp.File("c/responses.sqlite")))
            cache.Store(key, Model, Answer("Paris"));

        using var reopened = ResponseCache.Open(temp.File("c/responses.sqlite"));
        var hit = reopened.Find(key);

        Assert.NotNull(hit);
        Assert.Equal(Answer("Paris"), hit.Completion);
        Assert.Null(reopened.Find(ResponseCache.KeyOf("sha256:other", Request)));
        Assert.Equal(Model, reopened.FindModel("sha256:ab12cd34")! with { Details = Model.Details });
    }

    [Fact]
    public void The_first_answer_stored_for_a_key_wins()
    {
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"));
        var key = ResponseCache.KeyOf(ModelIdentity.Of(Model), Request);

        cache.Store(key, Model, Answer("Paris"));
        cache.Store(key, Model, Answer("Lyon"));

        Assert.Equal("Paris", cache.Find(key)!.Completion.Text);
        Assert.Equal(1, cache.Statistics().Entries);
    }

    [Fact]
    public async Task Two_writers_hammering_one_file_at_once_both_succeed()
    {
        using var temp = new TempDir();
        var path = temp.File("responses.sqlite");
        const int perWriter = 200;

        // Separate connections, as two processes would have; half the keys overlap.
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            using var cache = ResponseCache.Open(path);
            for (var i = 0; i < perWriter; i++)
            {
                var key = ResponseCache.KeyOf("sha256:ab12cd34", GenerationRequest.Raw($"p{i + w * perWriter / 2}", new()));
                cache.Store(key, Model, Answer($"a{i}"));
                Assert.NotNull(cache.Find(key));
            }
        })).ToList();
        await Task.WhenAll(writers);

        using var check = ResponseCache.Open(path);
        Assert.Equal(perWriter * 3 / 2, check.Statistics().Entries);
    }

    [Fact]
    public void A_damaged_cache_file_gives_an_error_naming_it_and_what_to_do()
    {
        using var temp = new TempDir();
        var path = temp.Write("responses.sqlite", new string('x', 4096));

        var error = Assert.Throws<EvalKitException>(() => ResponseCache.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(Setting.NoCache, error.HintText!.Terms);
        Assert.Equal(ErrorKind.RuntimeFailure, error.Kind);
    }

    [Fact]
    public void A_stored_timeline_comes_back_step_for_step()
    {
        // Given
        using var temp = new TempDir();
        var key = ResponseCache.KeyOf(ModelIdentity.Of(Model), Request);
        var answer = Answer("Paris") with { Timeline = new TokenTimeline([2, 2, 5], [12.5, 20.0001, 40.25]) };
        using (var cache = ResponseCache.Open(temp.File("responses.sqlite")))
            cache.Store(key, Model, answer);

        // When
        using var reopened = ResponseCache.Open(temp.File("responses.sqlite"));
        var timeline = reopened.Find(key)!.Completion.Timeline;

        // Then
        Assert.NotNull(timeline);
        Assert.Equal([2, 2, 5], timeline.TextEnds);
        Assert.Equal([12.5, 20.0001, 40.25], timeline.ElapsedMs);
    }

    [Fact]
    public void An_entry_written_before_timelines_existed_still_loads_without_one()
    {
        // Given: a row as an earlier EvalKit wrote it
        using var temp = new TempDir();
        var path = temp.File("responses.sqlite");
        ResponseCache.Open(path).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO responses (key, model, completion, created_at) VALUES ('k', 'sha256:ab12cd34', $json, 0)";
            insert.Parameters.AddWithValue("$json",
                """{"text":"Paris","prompt_tokens":12,"completion_tokens":3,"time_to_first_token":"00:00:00.0125","total_time":"00:00:00.04025","finish_reason":"length"}""");
            insert.ExecuteNonQuery();
        }

        // When
        using var cache = ResponseCache.Open(path);
        var completion = cache.Find("k")!.Completion;

        // Then
        Assert.Equal(("Paris", 3, 40.25), (completion.Text, completion.CompletionTokens, completion.TotalTime.TotalMilliseconds));
        Assert.Null(completion.Timeline);
    }
}
