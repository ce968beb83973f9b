using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Llama.Fidelity;
using EvalKit.Llama.Tests.Backend;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Fidelity;

public sealed class DistillationFidelityTests
{
    private static readonly FidelityInput[] Prompts =
    [
        FidelityInput.FromPrompt("story", GenerationRequest.Raw("Once upon a time", new())),
        FidelityInput.FromPrompt("dog", GenerationRequest.Raw("The dog ran to the", new())),
        FidelityInput.FromPrompt("tom", GenerationRequest.Raw("Tom had a red", new())),
    ];

    private static readonly FidelityOptions Short = new() { MaxTokens = 24, Resamples = 500 };

    private static Task<LlamaBackend> Load(string path) =>
        LlamaBackend.LoadAsync(StoriesModelFixture.Options with { Path = path, ContextSize = 256 });

    [Fact]
    public async Task Model_against_itself_has_zero_KL_and_full_agreement()
    {
        // Given: the same file loaded twice
        await using var teacher = await Load(SharedAssets.Stories260K);
        await using var student = await Load(SharedAssets.Stories260K);

        // When
        var report = await new DistillationFidelity(teacher, student).MeasureAsync(Prompts, Short);

        // Then
        Assert.Equal(0, report.KlDivergence.Value, 1e-9);
        Assert.Equal(0, report.KlDivergence.High, 1e-9);
        Assert.Equal(new FidelityEstimate(1, 1, 1), report.Top1Agreement);
        Assert.Equal(3, report.Sequences);
        Assert.Equal(3 * 24, report.Tokens);
        Assert.Equal("token", report.IntervalUnit);
        Assert.Equal(512, report.VocabSize);
        Assert.Equal(64, report.TokenizerSha256.Length);
        var story = report.PerSequence[0];
        Assert.Equal(("story", "teacher_greedy", 24), (story.Id, story.Source, story.Tokens));
        Assert.StartsWith(", there was a little girl named Lily.", story.Completion);
    }

    [Fact]
    public async Task Doubled_output_layer_sharpens_every_distribution_without_changing_the_top_token()
    {
        // Given: output.weight × 2 doubles every logit exactly (a power of two), like sampling at temperature 0.5
        using var temp = new TempDir();
        var sharper = ModelCopies.WithTensor(temp, "sharper.gguf", "output.weight", (_, value) => value * 2);
        await using var teacher = await Load(SharedAssets.Stories260K);
        await using var student = await Load(sharper);

        // When
        var report = await new DistillationFidelity(teacher, student).MeasureAsync(Prompts, Short);

        // Then
        Assert.True(report.KlDivergence.Value > 1e-3, $"KL {report.KlDivergence.Value}");
        Assert.InRange(report.KlDivergence.Value, report.KlDivergence.Low, report.KlDivergence.High);
        Assert.True(report.KlDivergence.Low > 0);
        Assert.Equal(new FidelityEstimate(1, 1, 1), report.Top1Agreement);
    }

    [Fact]
    public async Task Noise_in_a_feed_forward_layer_gives_positive_KL_on_text()
    {
        // Given: seeded noise of about 30% of a typical weight on blk.2.ffn_down, and plain text to score
        using var temp = new TempDir();
        var random = new Random(11);
        var noisy = ModelCopies.WithTensor(temp, "noisy.gguf", "blk.2.ffn_down.weight", (_, value) => value + 0.3f * value * (float)(random.NextDouble() * 2 - 1));
        await using var teacher = await Load(SharedAssets.Stories260K);
        await using var student = await Load(noisy);
        FidelityInput[] texts = [FidelityInput.FromText("p1", "Once upon a time, there was a little girl named Lily. She loved to play outside.")];

        // When
        var report = await new DistillationFidelity(teacher, student).MeasureAsync(texts, Short);

        // Then: every position after BOS is compared
        var sequence = Assert.Single(report.PerSequence);
        Assert.Equal(("text", null), (sequence.Source, sequence.Completion));
        Assert.Equal(teacher.Weights.Tokenize(texts[0].Text!, true, false, System.Text.Encoding.UTF8).Length - 1, sequence.Tokens);
        Assert.True(report.KlDivergence.Value > 0);
        Assert.True(sequence.MaxKl >= sequence.MeanKl);
        Assert.InRange(report.Top1Agreement.Value, 0, 1);
    }

    [Fact]
    public async Task Synthetic_models_of_one_shape_but_different_seeds_diverge()
    {
        // Given two tiny synthetic-shape models with the same vocabulary and different random weights
        using var temp = new TempDir();
        var shape = EvalKit.Llama.Fixtures.SyntheticModelShape.Preset("tiny");
        EvalKit.Llama.Fixtures.SyntheticModelWriter.Write(shape, temp.File("seed1.gguf"), EvalKit.Llama.Gguf.GgmlType.F32, seed: 1);
        EvalKit.Llama.Fixtures.SyntheticModelWriter.Write(shape, temp.File("seed2.gguf"), EvalKit.Llama.Gguf.GgmlType.F32, seed: 2);
        await using var teacher = await Load(temp.File("seed1.gguf"));
        await using var student = await Load(temp.File("seed2.gguf"));
        await using var twin = await Load(temp.File("seed1.gguf"));

        // When the student, and an identical copy of the teacher, are measured against the teacher
        var different = await new DistillationFidelity(teacher, student).MeasureAsync(Prompts, Short);
        var same = await new DistillationFidelity(teacher, twin).MeasureAsync(Prompts, Short);

        // Then only the differently seeded model diverges
        Assert.True(different.KlDivergence.Value > 0);
        Assert.Equal(0, same.KlDivergence.Value, 9);
        Assert.Equal(1, same.Top1Agreement.Value);
    }

    [Fact]
    public async Task Models_whose_tokens_differ_are_refused_naming_the_first_different_token()
    {
        using var temp = new TempDir();
        var renamed = ModelCopies.WithTokenRenamed(temp, "renamed.gguf", 400);
        await using var teacher = await Load(SharedAssets.Stories260K);
        await using var student = await Load(renamed);

        var error = Assert.Throws<EvalKitException>(() => new DistillationFidelity(teacher, student));

        Assert.Contains("do not share a tokenizer: token 400 is", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task Intervals_resample_whole_sequences_when_there_are_enough()
    {
        await using var teacher = await Load(SharedAssets.Stories260K);
        await using var student = await Load(SharedAssets.Stories260K);
        var inputs = Enumerable.Range(0, 5).Select(i => FidelityInput.FromText($"t{i}", $"Tom had {i + 2} red balls.")).ToList();

        var report = await new DistillationFidelity(teacher, student).MeasureAsync(inputs, Short);

        Assert.Equal("sequence", report.IntervalUnit);
        Assert.Equal(5, report.Sequences);
    }
}
