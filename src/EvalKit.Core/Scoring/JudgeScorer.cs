using EvalKit.Core.Backends;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// The judge behind a suite's <c>judge:</c>: fills the rubric with the case and the answer, sends it as one user
/// message to a loaded model with greedy decoding, and reads <c>LABEL:</c> / <c>REASON:</c> from the reply.
/// </summary>
public sealed class JudgeScorer(
    IModelBackend backend, string model, string rubric, string rubricDigest, int maxTokens = JudgeSpec.DefaultMaxTokens,
    IReadOnlyList<string>? labels = null)
    : IJudge
{
    public string Model => model;

    /// <summary>The prompt a judge with <paramref name="rubric"/> sends about this case and answer.</summary>
    public static string PromptFor(string rubric, EvalCase evalCase, string answer) => JudgePrompt.Fill(rubric, evalCase, answer);

    public async Task<JudgeVerdict> JudgeAsync(EvalCase evalCase, string answer, CancellationToken cancellationToken = default)
    {
        var prompt = JudgePrompt.Fill(rubric, evalCase, answer);
        var verdict = new JudgeVerdict { Model = model, Label = ScoreLabel.Unknown, Reason = "", Prompt = prompt, RubricDigest = rubricDigest };
        var request = GenerationRequest.Chat(
            [new ChatMessage("user", prompt)],
            new GenerationParameters { MaxTokens = maxTokens, Temperature = 0 });
        string raw;
        try
        {
            raw = (await backend.GenerateAsync(request, cancellationToken)).Text;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return verdict with { Reason = "judge request failed", Error = $"{ex.GetType().Name}: {ex.Message}" };
        }
        var (label, reason) = JudgeReply.Parse(raw, labels);
        return verdict with { Label = label, Reason = reason, Raw = raw };
    }
}
