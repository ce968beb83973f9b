using EvalKit.Core.Internal;
using EvalKit.Core.Requests;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// Every scorer, looked up by the name a suite's <c>scorer.type</c> gives: the built-ins listed here, then those
/// another assembly adds with <see cref="Register"/> (the CLI registers EvalKit.CodeScoring's <c>code</c> once, at start).
/// </summary>
public static class ScorerCatalog
{
    private const string IgnoreCase = "ignore_case";
    private const string CollapseWhitespace = "collapse_whitespace";
    private const string StripPunctuation = "strip_punctuation";
    private const string StripArticles = "strip_articles";
    private const string Tolerance = "tolerance";

    /// <summary>The option that adds a judge with the built-in refusal rubric (<see cref="RefusalRubric"/>).</summary>
    public const string Judge = "judge";

    private static readonly ScorerOption _judgeOption = ScorerOption.Text(Judge, "the name the run gives the judging model");

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
    };

    private static readonly Lock _lock = new();

    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (_lock)
                return [.. _scorers.Keys];
        }
    }

    /// <summary>
    /// Adds a scorer from another assembly under <paramref name="name"/>, after the built-ins. Registering the same
    /// name with the same entry again changes nothing; a name already taken by another scorer is refused.
    /// </summary>
    public static void Register(string name, ScorerEntry entry)
    {
        lock (_lock)
        {
            if (_scorers.TryGetValue(name, out var existing) && existing != entry)
                throw new InvalidOperationException($"A scorer named '{name}' is already registered.");
            _scorers[name] = entry;
        }
    }

    /// <summary>Problems with a scorer's options (unknown option, bad value); empty when the spec is usable.</summary>
    public static IReadOnlyList<string> Validate(ScorerSpec spec)
    {
        if (Find(spec.Type) is not { } entry)
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
        Find(spec.Type) is { } entry ? [.. entry.CaseProblems(evalCase, spec.Type)] : [];

    /// <summary>What a suite scored by this scorer type asks the model for each case; <c>generate</c> for an unknown type (<see cref="Validate"/> reports it).</summary>
    public static RequestKind RequestKindOf(string type) =>
        _scorers.TryGetValue(type, out var entry) ? entry.Asks : RequestKind.Generate;

    /// <summary>Builds the scorer a spec names; throws <see cref="EvalKitException"/> when the spec is not valid.</summary>
    public static IScorer Create(ScorerSpec spec)
    {
        if (Find(spec.Type) is not { } entry)
            throw new EvalKitException(UnknownScorer(spec.Type), "Set the suite's scorer.type to one of the names above.");
        if (Validate(spec) is [_, ..] problems)
            throw new EvalKitException(string.Join(" ", problems), "Fix the scorer options in the suite file.");
        return entry.Create(spec);
    }

    private static ScorerEntry? Find(string type)
    {
        lock (_lock)
            return _scorers.GetValueOrDefault(type);
    }

    private static string UnknownScorer(string type) =>
        $"unknown scorer '{type}'.{Suggestions.DidYouMean(type, Names)} Known scorers: {string.Join(", ", Names)}.";

    private static string UnknownOption(string type, string name, IReadOnlyList<string> known) =>
        known.Count == 0
            ? $"scorer '{type}' takes no options, but '{name}' is given."
            : $"scorer '{type}' has no option '{name}'.{Suggestions.DidYouMean(name, known)} Its options: {string.Join(", ", known)}.";
}
