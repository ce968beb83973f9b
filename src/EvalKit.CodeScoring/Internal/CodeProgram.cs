using System.Text.RegularExpressions;
using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.CodeScoring.Internal;

/// <summary>
/// Builds the Python program the code scorer runs: the case's <c>setup</c>, then the candidate code (the prompt plus
/// the completion for a HumanEval-style continuation), then the case's <c>test</c>, then <c>check(entry_point)</c>.
/// </summary>
internal static partial class CodeProgram
{
    public const string Test = "test";
    public const string EntryPoint = "entry_point";
    public const string Setup = "setup";
    public const string ContinuesPrompt = "continues_prompt";

    /// <summary>
    /// The code in a reply: the first fenced block marked python (or py, python3), else the first unmarked block,
    /// else the first block of any language; an unclosed fence runs to the end. A reply without fences is all code.
    /// </summary>
    public static string ExtractCode(string completion)
    {
        var blocks = Fence.Matches(completion)
            .Select(m => (Language: m.Groups["lang"].Value.Trim().ToLowerInvariant(), Code: m.Groups["code"].Value))
            .ToList();
        if (blocks.Count == 0)
            return completion;
        return blocks.Where(b => b.Language is "python" or "py" or "python3").Select(b => b.Code).FirstOrDefault()
            ?? blocks.Where(b => b.Language.Length == 0).Select(b => b.Code).FirstOrDefault()
            ?? blocks[0].Code;
    }

    public static string Build(EvalCase evalCase, string completion)
    {
        var metadata = evalCase.Metadata;
        var code = ExtractCode(completion);
        var entryPoint = metadata.GetValueOrDefault(EntryPoint);
        if (Continues(evalCase))
        {
            // A reply that writes the whole function again replaces the prompt's stub, which is a valid
            // definition on its own (signature plus docstring) and keeps the prompt's imports in scope.
            var definition = $@"^[ \t]*(?:async[ \t]+)?def[ \t]+{Regex.Escape(entryPoint ?? "")}[ \t]*\(";
            var redefines = entryPoint is not null && Regex.IsMatch(code, definition, RegexOptions.Multiline);
            code = evalCase.Prompt + (redefines ? "\n" : "") + code;
        }
        var check = entryPoint is null ? "" : $"\n\ncheck({entryPoint})\n";
        return $"{metadata.GetValueOrDefault(Setup)}\n{code}\n\n{metadata[Test]}{check}";
    }

    /// <summary><c>continues_prompt</c> when given; otherwise true for a raw prompt with an entry point (HumanEval).</summary>
    public static bool Continues(EvalCase evalCase) =>
        evalCase.Metadata.TryGetValue(ContinuesPrompt, out var flag)
            ? flag.Equals("true", StringComparison.OrdinalIgnoreCase)
            : evalCase.Prompt is not null && evalCase.Metadata.ContainsKey(EntryPoint);

    public static IEnumerable<string> Problems(EvalCase evalCase, string scorer)
    {
        var metadata = evalCase.Metadata;
        if (string.IsNullOrWhiteSpace(metadata.GetValueOrDefault(Test)))
            yield return $"scorer '{scorer}' needs the case's tests as code in 'metadata.{Test}' "
                + $"(HumanEval: the check(candidate) function plus 'metadata.{EntryPoint}'; MBPP: assert lines)";
        if (metadata.GetValueOrDefault(EntryPoint) is { } entry && !Identifier().IsMatch(entry))
            yield return $"'metadata.{EntryPoint}' must be a Python function name, not {ReasonText.Quote(entry)}";
        if (metadata.GetValueOrDefault(ContinuesPrompt) is { } flag && !bool.TryParse(flag, out _))
            yield return $"'metadata.{ContinuesPrompt}' must be true or false, not {ReasonText.Quote(flag)}";
        else if (Continues(evalCase) && evalCase.Prompt is null)
            yield return $"'metadata.{ContinuesPrompt}' needs a raw 'prompt' for the completion to continue";
    }

    [GeneratedRegex(@"```(?<lang>[^\n`]*)\n(?<code>.*?)(?:```|\z)", RegexOptions.Singleline)]
    private static partial Regex Fence { get; }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
