using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Llama.Fidelity;
using EvalKit.Llama.Fixtures;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Fidelity;

/// <summary>
/// Cross-tokenizer fidelity between two programmed fixture models whose vocabularies differ, checked against the
/// value computed by hand from the fixture construction (docs/fixtures.md): the residual stream at a position is the
/// current token's one-hot embedding, so after RMS normalisation the logit of the token programmed to follow it is
/// 1/√(1/d + ε) and every other logit is 0. Each student token of an answer therefore has probability
/// e^s / Z when it is the programmed follower of the token before it and 1 / Z otherwise, Z = e^s + V − 1.
/// </summary>
public sealed class CrossTokenizerFidelityTests : IDisposable
{
    private const double RmsEpsilon = 1e-6;
    private readonly TempDir _temp = new();

    // The teacher answers Paris; the student, a different programme (different prompts and answers, so a different
    // vocabulary), answers Lyon. Both answer 4 and blue.
    private static readonly FixturePair[] TeacherPairs =
        [new("Two plus two?", "4"), new("Capital of France?", "Paris"), new("Colour of the sky?", "blue")];

    private static readonly FixturePair[] StudentPairs =
        [new("Two plus two?", "4"), new("Capital of France?", "Lyon"), new("Colour of the sky?", "blue"), new("Name a river?", "Rhone")];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Bits_per_byte_of_the_teacher_answers_under_a_student_with_another_vocabulary_match_the_hand_computed_value()
    {
        // Given two fixture models with different vocabularies
        var teacherModel = FixtureCompiler.Compile(FixtureSpec.FromPairs("teacher", TeacherPairs), _temp.File("teacher.gguf"));
        var studentModel = FixtureCompiler.Compile(FixtureSpec.FromPairs("student", StudentPairs), _temp.File("student.gguf"));
        Assert.NotEqual(teacherModel.VocabularySize, studentModel.VocabularySize);
        await using var teacher = await Load(teacherModel.Path, "teacher");
        await using var student = await Load(studentModel.Path, "student");
        Assert.False(DistillationFidelity.SharesTokenizer(teacher, student));
        var inputs = TeacherPairs.Select(p => FidelityInput.FromPrompt(p.Prompt, GenerationRequest.Raw(p.Prompt, new()))).ToList();

        // When
        var report = await new CrossTokenizerFidelity(teacher, student).MeasureAsync(inputs, new FidelityOptions { MaxTokens = 8, Resamples = 200 });

        // Then the teacher's answers were scored, and the students' own answers compared with them
        Assert.Equal(["4", "Paris", "blue"], report.PerSequence.Select(s => s.TeacherAnswer));
        Assert.Equal(["4", "Lyon", "blue"], report.PerSequence.Select(s => s.StudentAnswer));
        Assert.Equal(2.0 / 3, report.AnswerAgreement!.Value, 12);
        Assert.All(report.PerSequence, s => Assert.Null(s.Error));

        // and each answer's log-likelihood is the hand-computed one over the student's own tokens of it
        var s = 1 / Math.Sqrt(1.0 / studentModel.EmbeddingLength + RmsEpsilon);
        var logZ = Math.Log(Math.Exp(s) + studentModel.VocabularySize - 1);
        var expected = new List<double>();
        foreach (var pair in TeacherPairs)
        {
            var tokens = AnswerTokens(student, pair.Prompt, pair.Response);
            // Only a whole programmed answer tokenizes as the token the student's prompt token is programmed to
            // produce; spelled out in other tokens, no token is any token's programmed follower.
            var programmed = StudentPairs.Any(p => p.Prompt == pair.Prompt && p.Response == pair.Response) && tokens.Count == 1;
            expected.Add((programmed ? s : 0) - tokens.Count * logZ);
        }
        Assert.Equal([1, 5, 4], TeacherPairs.Select(p => AnswerTokens(student, p.Prompt, p.Response).Count)); // "Paris", "blue" are spelled out
        foreach (var (sequence, value) in report.PerSequence.Zip(expected))
            Assert.Equal(value, sequence.StudentLogLikelihood, 1e-4);
        var bytes = TeacherPairs.Sum(p => Encoding.UTF8.GetByteCount(p.Response));
        Assert.Equal(bytes, report.Bytes);
        Assert.Equal(-expected.Sum() / Math.Log(2) / bytes, report.BitsPerByte!.Value, 1e-4);

        // and the approximate KL was computed where the tokenizations align (each answer's first character at least)
        Assert.True(report.AlignedPositions >= 3, $"{report.AlignedPositions} aligned positions");
        Assert.InRange(report.ApproximateKl!.Value, 0, 50);
        Assert.InRange(report.SharedTopKMass!.Value, 0, 1);
    }

    [Fact]
    public async Task A_model_against_itself_scores_its_own_answers_with_full_agreement_and_zero_approximate_KL()
    {
        // Given the student's fixture loaded twice
        var model = FixtureCompiler.Compile(FixtureSpec.FromPairs("student", StudentPairs), _temp.File("student.gguf"));
        await using var teacher = await Load(model.Path, "a");
        await using var student = await Load(model.Path, "b");
        var inputs = StudentPairs.Select(p => FidelityInput.FromPrompt(p.Prompt, GenerationRequest.Raw(p.Prompt, new()))).ToList();

        // When
        var report = await new CrossTokenizerFidelity(teacher, student).MeasureAsync(inputs, new FidelityOptions { MaxTokens = 8, Resamples = 200 });

        // Then the top-5 lists are the same at every position: KL 0, and the mass they cover is the programmed token's
        // e^s / Z plus four tokens at 1 / Z each
        Assert.Equal(1, report.AnswerAgreement!.Value);
        Assert.Equal(0, report.ApproximateKl!.Value, 9);
        var s = 1 / Math.Sqrt(1.0 / model.EmbeddingLength + RmsEpsilon);
        Assert.Equal((Math.Exp(s) + 4) / (Math.Exp(s) + model.VocabularySize - 1), report.SharedTopKMass!.Value, 6);
    }

    private static Task<LlamaBackend> Load(string path, string name) =>
        LlamaBackend.LoadAsync(new LlamaModelOptions(path) { Name = name, Threads = 1, ContextSize = 256 });

    // The student's tokens of the answer after the prompt, read through LLamaSharp (BOS added, as the model asks).
    private static List<string> AnswerTokens(LlamaBackend model, string prompt, string answer)
    {
        var whole = model.Weights.Tokenize(prompt + answer, true, false, Encoding.UTF8);
        var context = model.Weights.Tokenize(prompt, true, false, Encoding.UTF8);
        return [.. whole.Skip(context.Length).Select(t => t.ToString())];
    }
}
