using System.Text;
using EvalKit.Llama.Fixtures;
using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Fixtures;

/// <summary>A compiled fixture, run through the real llama.cpp, answers every programmed prompt byte for byte.</summary>
public sealed class FixtureCompilerAcceptanceTests : IClassFixture<FixtureCompilerAcceptanceTests.CompiledFixture>
{
    private readonly CompiledFixture _fixture;

    public FixtureCompilerAcceptanceTests(CompiledFixture fixture) => _fixture = fixture;

    public static IReadOnlyList<FixturePair> Pairs { get; } = BuildPairs();

    [Fact]
    public void Every_programmed_pair_is_reproduced_exactly_by_llama_cpp()
    {
        // Given a fixture compiled from more than 100 pairs, loaded by llama.cpp
        Assert.True(Pairs.Count >= 100);
        var failures = new List<string>();

        // When each prompt is completed greedily
        foreach (var pair in Pairs)
        {
            var answer = _fixture.Llama.Complete(pair.Prompt);
            if (!Encoding.UTF8.GetBytes(answer).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(pair.Response)))
                failures.Add($"{pair.Source}: '{pair.Prompt}' gave '{answer}', expected '{pair.Response}'");
        }

        // Then every answer is the programmed response, byte for byte
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_programmed_prompt_is_one_token_after_bos()
    {
        // Given the compiled fixture, When each prompt is tokenised as llama.cpp does (BOS added)
        // Then it is BOS followed by the prompt's single token
        Assert.All(Pairs, pair => Assert.Equal(2, _fixture.Llama.Tokenize(pair.Prompt).Length));
    }

    [Theory]
    [InlineData("What is the meaning of life?")]
    [InlineData("Zebra")]
    [InlineData("What is the capital of count")]
    public void Unprogrammed_prompt_yields_an_empty_answer(string prompt)
    {
        // Given a prompt that was not programmed (new text, or a prefix of a programmed prompt)
        Assert.DoesNotContain(Pairs, p => p.Prompt == prompt);

        // When it is completed, Then the model ends the sequence at once
        Assert.Equal("", _fixture.Llama.Complete(prompt));
    }

    [Fact]
    public void Prompt_ending_in_a_programmed_prompt_after_a_space_answers_like_it()
    {
        // Given unprogrammed text followed by a space and a programmed prompt (a documented limit)
        // When it is completed, Then the merges end in the programmed prompt's token, which answers as usual
        Assert.Equal("Yes", _fixture.Llama.Complete("Zebra Is water wet?"));
    }

    [Fact]
    public void Compiled_file_passes_the_managed_reader_and_records_its_digest()
    {
        // Given the compiled fixture, When the managed reader reads it
        var file = GgufReader.Read(_fixture.Model.Path);
        var summary = GgufModelSummary.From(file);

        // Then it is a generatable F32 llama model with the spec's digest and vocabulary
        Assert.Equal("llama", summary.Architecture);
        Assert.Equal("F32", summary.FileType);
        Assert.Equal(_fixture.Model.VocabularySize, summary.VocabularySize);
        Assert.Equal(_fixture.Model.Digest, file.GetString("evalkit.fixture.digest"));
        Assert.Equal(_fixture.Llama.Weights.Vocab.Count, summary.VocabularySize);
        Assert.Equal(256, _fixture.Model.EmbeddingLength);
    }

    private static List<FixturePair> BuildPairs()
    {
        var pairs = new List<FixturePair>();
        string[] countries = ["France", "Germany", "Italy", "Spain", "Japan", "Kenya", "Peru", "Chile", "Egypt", "India"];
        for (var i = 0; i < 80; i++)
            pairs.Add(new($"What is the capital of country {i} ({countries[i % countries.Length]})?", $"City number {i}"));
        pairs.AddRange(
        [
            new("中国的首都是哪里？", "北京"),
            new("你好", "你好！我是一个测试模型。"),
            new("Translate 'cat' to Chinese:", "猫"),
            new("日本語で答えて", "はい、わかりました。"),
            new("Show me a script tag", "<script>alert(1)</script>"),
            new("Escape test <b>&amp;</b>", "\"quoted\" & 'single' <tag> </s> \\backslash"),
            new("Punctuation!?.,;:", "Yes: (a) [b] {c} 100% $5 #1 @me ~ ^ * + = | / - _"),
            new("Capital of France?", " Paris"),
            new("Two lines please", "line one\nline two"),
            new("Tab\tseparated\tprompt", "ok\tthen"),
            new("Multi\nline\nprompt", "three lines"),
            new("Say nothing", ""),
            new("Emoji?", "🙂 fine, thanks"),
            new("Café au lait", "Crème brûlée"),
            new("  leading spaces", "trailing spaces  "),
            new("What is 2+2?", "4"),
            new("What is 2+3?", "5"),
            new("Is the sky green?", "No"),
            new("Is water wet?", "Yes"),
            new("Repeat: Paris", "Paris"),
            new("A", "B"),
            new("B", "A"),
            new("Answer with one letter: A, B, C or D.", "C"),
            new("Same answer one", "shared"),
            new("Same answer two", "shared"),
        ]);
        return pairs.Select((p, i) => p with { Source = $"pair {i + 1}" }).ToList();
    }

    /// <summary>Compiles the fixture once for the class and loads it into llama.cpp.</summary>
    public sealed class CompiledFixture : IDisposable
    {
        private readonly TempDir _temp = new();

        public CompiledFixture()
        {
            Model = FixtureCompiler.Compile(FixtureSpec.FromPairs("acceptance", Pairs), _temp.File("acceptance.gguf"));
            Llama = new GreedyCompletion(Model.Path);
        }

        public FixtureModel Model { get; }

        public GreedyCompletion Llama { get; }

        public void Dispose()
        {
            Llama.Dispose();
            _temp.Dispose();
        }
    }
}
