using EvalKit.Core.Internal;
using EvalKit.Core.Requests;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>Every built-in scorer, looked up by the name a suite's <c>scorer.type</c> gives.</summary>
public static class ScorerCatalog
{
    private const string IgnoreCase = "ignore_case";
    private const string CollapseWhitespace = "collapse_whitespace";
    private const string StripPunctuation = "strip_punctuation";
    private const string StripArticles = "strip_articles";
    private const string Tolerance = "tolerance";
    private const string TimeoutSeconds = "timeout_s";
    private const string MemoryMb = "memory_mb";

    /// <summary>The option that adds a judge with the built-in refusal rubric (<see cref="RefusalRubric"/>).</summary>
    public const string Judge = "judge";

    private static readonly ScorerOption _judgeOption = ScorerOption.Text(Judge, "the --model name of the judging model");

    private static readonly OrderedDictionary<string, ScorerEntry> _scorers = new()
    {
        ["exact"] = new(
            [
                ScorerOption.Flag(IgnoreCase), ScorerOption.Flag(CollapseWhitespace),
                ScorerOption.Flag(StripPunctuation), ScorerOption.Flag(StripArticles),
            ],
            spec => new ExactScorer(
                ignoreCase: spec.Flag(IgnoreCase, true),
                collapseWhitespace: spec.Flag(CollapseWhitespace, true),
                stripPunctuation: spec.Flag(StripPunctuation, true),
                stripArticles: spec.Flag(StripArticles, true)),
            CaseRequirements.Expected),
        ["contains"] = new(
            [ScorerOption.Flag(IgnoreCase)],
            spec => new ContainsScorer(ignoreCase: spec.Flag(IgnoreCase, true)),
            CaseRequirements.NonBlankExpected),
        ["regex"] = new(
            [ScorerOption.Flag(IgnoreCase)],
            spec => new RegexScorer(ignoreCase: spec.Flag(IgnoreCase, false)),
            CaseRequirements.Patterns),
        ["choice"] = new(
            [],
            _ => new ChoiceScorer(),
            CaseRequirements.Choices),
        ["numeric"] = new(
            [ScorerOption.NonNegativeNumber(Tolerance)],
            spec => new NumericScorer(ScorerOption.Number(spec, Tolerance, NumericScorer.DefaultTolerance)),
            CaseRequirements.Numbers),
        [ChoiceLogLikelihoodScorer.TypeName] = new(
            [],
            _ => new ChoiceLogLikelihoodScorer(),
            CaseRequirements.LogLikelihoodChoices,
            RequestKind.LogLikelihoodChoices),
        ["simpleqa"] = new([], _ => new SimpleQaScorer(), CaseRequirements.AnswerableExpected),
        ["censorship"] = new([_judgeOption], _ => new CensorshipScorer(), CaseRequirements.OptionalNonBlankExpected),
        ["refusal"] = new([_judgeOption], _ => new RefusalScorer(), (_, _) => []),
        ["code"] = new(
            [ScorerOption.PositiveNumber(TimeoutSeconds), ScorerOption.PositiveWholeNumber(MemoryMb)],
            spec => new CodeScorer(
                ScorerOption.Number(spec, TimeoutSeconds, CodeScorer.DefaultTimeoutSeconds),
                (int)ScorerOption.Number(spec, MemoryMb, CodeScorer.DefaultMemoryMb)),
            CodeProgram.Problems),
    };

    public static IReadOnlyList<string> Names { get; } = [.. _scorers.Keys];

    /// <summary>Problems with a scorer's options (unknown option, bad value); empty when the spec is usable.</summary>
    public static IReadOnlyList<string> Validate(ScorerSpec spec)
    {
        if (!_scorers.TryGetValue(spec.Type, out var entry))
            return [UnknownScorer(spec.Type)];

        var problems = new List<string>();
        foreach (var (name, value) in spec.Options)
        {
            var option = entry.Options.FirstOrDefault(known => known.Name == name);
            if (option is null)
                problems.Add(UnknownOption(spec.Type, name, entry.Options.Select(known => known.Name).ToList()));
            else if (!option.Accepts(value))
                problems.Add($"option '{name}' of scorer '{spec.Type}' must be {option.Expects}, not {ReasonText.Quote(value)}.");
        }
        return problems;
    }

    /// <summary>
    /// What a case lacks for this scorer (no expected answer, no choices); empty when it can be scored.
    /// An unknown scorer type gives no case problems: <see cref="Validate"/> reports it once.
    /// </summary>
    public static IReadOnlyList<string> CaseProblems(ScorerSpec spec, EvalCase evalCase) =>
        _scorers.TryGetValue(spec.Type, out var entry) ? [.. entry.CaseProblems(evalCase, spec.Type)] : [];

    /// <summary>What a suite scored by this scorer type asks the model for each case; <c>generate</c> for an unknown type (<see cref="Validate"/> reports it).</summary>
    public static RequestKind RequestKindOf(string type) =>
        _scorers.TryGetValue(type, out var entry) ? entry.Asks : RequestKind.Generate;

    /// <summary>Builds the scorer a spec names; throws <see cref="EvalKitException"/> when the spec is not valid.</summary>
    public static IScorer Create(ScorerSpec spec)
    {
        if (!_scorers.TryGetValue(spec.Type, out var entry))
            throw new EvalKitException(UnknownScorer(spec.Type), "Set the suite's scorer.type to one of the names above.");
        if (Validate(spec) is [_, ..] problems)
            throw new EvalKitException(string.Join(" ", problems), "Fix the scorer options in the suite file.");
        return entry.Create(spec);
    }

    private static string UnknownScorer(string type) =>
        $"unknown scorer '{type}'.{Suggestions.DidYouMean(type, Names)} Known scorers: {string.Join(", ", Names)}.";

    private static string UnknownOption(string type, string name, IReadOnlyList<string> known) =>
        known.Count == 0
            ? $"scorer '{type}' takes no options, but '{name}' is given."
            : $"scorer '{type}' has no option '{name}'.{Suggestions.DidYouMean(name, known)} Its options: {string.Join(", ", known)}.";
}
