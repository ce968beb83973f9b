using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>mbpp</c>: MBPP JSON Lines, <c>{task_id, text, code, test_list, test_setup_code, challenge_test_list}</c>. The
/// prompt is the paper's (task text plus its asserts). The asserts are kept as metadata for a code-execution scorer;
/// until one exists the reference code is the expected answer for <c>exact</c>. The <c>split</c> tag follows the
/// upstream convention: 1-10 prompt, 11-510 test, 511-600 validation, 601-974 train.
/// </summary>
public sealed class MbppImporter : JsonRowImporter
{
    public override string Format => "mbpp";

    public override string Description => "MBPP JSON Lines {task_id, text, code, test_list, test_setup_code, challenge_test_list}.";

    public override SuiteKind Kind => SuiteKind.Accuracy;

    public override ScorerSpec Scorer { get; } = new("code", new Dictionary<string, string>());

    private protected override EvalCase Map(JsonRow row)
    {
        var taskId = row.Integer("task_id");
        var tests = string.Join("\n", row.TextList("test_list"));
        var challenge = row.Find("challenge_test_list") is not null ? string.Join("\n", row.TextList("challenge_test_list")) : "";
        return new EvalCase
        {
            Id = $"mbpp-{taskId}",
            Prompt = $"You are an expert Python programmer, and here is your task: {row.Text("text")} "
                + $"Your code should pass these tests:\n\n{tests}\n",
            Expected = [row.Text("code")],
            Tags = new Dictionary<string, string> { ["split"] = Split(taskId) },
            Metadata = new Dictionary<string, string>
            {
                ["test"] = tests,
                ["setup"] = row.OptionalText("test_setup_code") ?? "",
                ["challenge_test_list"] = challenge,
            },
        };
    }

    private static string Split(long taskId) => taskId switch
    {
        <= 10 => "prompt",
        <= 510 => "test",
        <= 600 => "validation",
        _ => "train",
    };
}
