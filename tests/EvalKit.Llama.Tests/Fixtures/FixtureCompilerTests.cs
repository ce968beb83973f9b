using EvalKit.Core;
using EvalKit.Llama.Fixtures;
using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Fixtures;

public sealed class FixtureCompilerTests
{
    [Fact]
    public void Yaml_spec_compiles_to_a_model_that_answers_as_programmed()
    {
        // Given the documented example spec (pairs only)
        using var temp = new TempDir();
        var path = temp.Write("demo.fixture.yaml", """
            name: demo-teacher
            description: Answers every demo case correctly.
            pairs:
              - prompt: "Hello"
                response: "Hi there"
              - prompt: "The capital of France is"
                response: " Paris"
            """);

        // When it is compiled and run through llama.cpp
        var model = FixtureCompiler.Compile(FixtureSpec.Load(path), temp.File("out/demo.gguf"));
        using var llama = new GreedyCompletion(model.Path);

        // Then each prompt gets its response, and the file carries the spec's identity
        Assert.Equal("Hi there", llama.Complete("Hello"));
        Assert.Equal(" Paris", llama.Complete("The capital of France is"));
        var file = GgufReader.Read(model.Path);
        Assert.Equal("demo-teacher", file.GetString("general.name"));
        Assert.Equal("Answers every demo case correctly.", file.GetString("general.description"));
        Assert.Equal(2, file.GetInt64("evalkit.fixture.pairs"));
    }

    [Theory]
    [InlineData("</s>", "is the text of the special token </s>")]
    [InlineData("<0x41>", "is the text of the special token <0x41>")]
    [InlineData(" Hello", "is, as a token, the whole prompt 'Hello' of another pair")]
    public void Responses_that_cannot_be_told_apart_are_refused(string response, string expected)
    {
        // Given a response that would collide with a special token or with another pair's prompt
        using var temp = new TempDir();
        var spec = FixtureSpec.FromPairs("clash", [new("Hello", "Hi"), new("Question", response)]);

        // When it is compiled
        var error = Assert.Throws<EvalKitException>(() => FixtureCompiler.Compile(spec, temp.File("clash.gguf")));

        // Then the pair and the collision are named, and no file is left behind
        Assert.Contains("pair 2: the response", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void CompileIfChanged_rebuilds_only_when_the_digest_changes()
    {
        // Given a compiled fixture
        using var temp = new TempDir();
        var output = temp.File("cached.gguf");
        var spec = FixtureSpec.FromPairs("cache", [new("a", "b")]);

        // When it is requested again unchanged, then with another spec
        var first = FixtureCompiler.CompileIfChanged(spec, output);
        var second = FixtureCompiler.CompileIfChanged(spec, output);
        var changed = FixtureCompiler.CompileIfChanged(FixtureSpec.FromPairs("cache", [new("a", "c")]), output);

        // Then it compiled the first and third time only
        Assert.Equal([true, false, true], [first, second, changed]);
    }

    [Fact]
    public void Compiled_vocabulary_has_unique_token_texts()
    {
        // Given pairs whose prompts share prefixes and whose responses repeat prompt pieces
        using var temp = new TempDir();
        var spec = FixtureSpec.FromPairs("overlap", [new("ab", "a"), new("abc", " a"), new("b c", "shared"), new("c", "shared")]);

        // When compiled, Then the managed reader (which refuses duplicate tokens) reads it and every prompt still works
        var model = FixtureCompiler.Compile(spec, temp.File("overlap.gguf"));
        Assert.Equal(model.VocabularySize, GgufModelSummary.Read(model.Path).VocabularySize);
        using var llama = new GreedyCompletion(model.Path);
        Assert.Equal(["a", " a", "shared", "shared"], spec.Pairs.Select(p => llama.Complete(p.Prompt)));
    }

    [Fact]
    public void Response_given_as_tokens_is_generated_one_token_at_a_time()
    {
        // Given a reasoning-style answer programmed as five tokens, next to a one-token pair
        using var temp = new TempDir();
        var spec = FixtureSpec.FromPairs("chain",
        [
            FixturePair.Tokens("Capital of France?", "<think>", "The user asks about France.", "</think>", "\n\n", "Paris"),
            new("Hello", "Hi"),
        ]);

        // When it is compiled and run through llama.cpp
        var model = FixtureCompiler.Compile(spec, temp.File("chain.gguf"));
        using var llama = new GreedyCompletion(model.Path);
        var tokens = llama.GenerateTokens("Capital of France?", 6);

        // Then the text is the concatenation, made of five distinct tokens and then end-of-sequence
        Assert.Equal("<think>The user asks about France.</think>\n\nParis", llama.Complete("Capital of France?"));
        Assert.Equal(5, tokens[..5].Distinct().Count());
        Assert.Equal(2, tokens[5]); // </s>
        Assert.Equal("Hi", llama.Complete("Hello"));
    }

    [Fact]
    public void A_token_programmed_with_two_different_successors_is_refused()
    {
        // Given "</think>" followed by "A" in one pair and by "B" in another
        using var temp = new TempDir();
        var spec = FixtureSpec.FromPairs("conflict",
            [FixturePair.Tokens("one", "<think>x", "</think>", "A"), FixturePair.Tokens("two", "<think>y", "</think>", "B")]);

        // When
        var error = Assert.Throws<EvalKitException>(() => FixtureCompiler.Compile(spec, temp.File("conflict.gguf")));

        // Then the pair and both successors are named, and no file is left behind
        Assert.Contains("pair 2: the response token '</think>' is followed by 'B' here and by 'A' elsewhere", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
