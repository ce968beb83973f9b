using EvalKit.Core.Backends;
using EvalKit.Core.Requests;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>Every cheap check before the first model loads, reported together; returns the scorer of each suite.</summary>
internal static class RunValidator
{
    public static Dictionary<string, IScorer> Validate(RunRequest request, IBackendFactory backends)
    {
        var problems = new List<ErrorText>();
        if (request.Suites.Count == 0)
            problems.Add("No suites to run.");
        if (request.Models.Count == 0)
            problems.Add("No models to run.");
        if (request.Parallel < 1)
            problems.Add($"Parallel must be at least 1 case at a time, not {request.Parallel}.");
        if (request.Repeats < 1)
            problems.Add($"Repeats must be at least 1, not {request.Repeats}.");
        if (request.MaxCost is { } maxCost && (maxCost <= 0 || !request.Models.Any(m => m.Price is not null)))
            problems.Add(maxCost <= 0
                ? (ErrorText)$"{Setting.MaxCost} must be greater than 0, not {maxCost}."
                : (ErrorText)$"{Setting.MaxCost} needs a price for at least one model: add price: {{prompt_per_mtok: N, completion_per_mtok: N}} to its entry in evalkit.yaml.");
        foreach (var duplicate in request.Models.Concat(request.Judges).GroupBy(m => m.Name).Where(g => g.Count() > 1))
            problems.Add($"Model name '{duplicate.Key}' is used twice; name them: {Setting.Model} a=PATH {Setting.Model} b=PATH.");
        foreach (var spec in request.Models.Concat(request.Judges))
            problems.AddRange(backends.Check(spec).Select(p => (ErrorText)$"Model '{spec.Name}': {p}"));
        foreach (var spec in request.Models)
            problems.AddRange(request.Suites.SelectMany(suite => ApiProblems(spec, suite)));

        var scorers = new Dictionary<string, IScorer>();
        foreach (var suite in request.Suites)
        {
            if (suite.Judge is { } judge && !request.Models.Concat(request.Judges).Any(m => m.Name == judge.Model))
                problems.Add($"Suite '{suite.Id}': its judge model '{judge.Model}' is not one of the run's models "
                    + $"({string.Join(", ", request.Models.Select(m => m.Name))}); add it as a judge only: {Setting.Judge} {judge.Model}=SOURCE "
                    + $"(or as a model that also answers: {Setting.Model} {judge.Model}=PATH).");
            try
            {
                scorers[suite.Id] = ScorerCatalog.Create(suite.Scorer);
            }
            catch (EvalKitException ex)
            {
                problems.Add($"Suite '{suite.Id}': {ex.Text}");
            }
            problems.AddRange(RequestProblems(suite, scorers.GetValueOrDefault(suite.Id), request.Models, backends));
        }
        if (problems.Count > 0)
            throw new EvalKitException(
                $"Cannot start the run:{Environment.NewLine}{ErrorText.Join(Environment.NewLine, problems.Select(p => (ErrorText)$"  {p}"))}",
                "Nothing was loaded or written. Fix the problems above and run again.");
        return scorers;
    }

    /// <summary>
    /// The suite's request kind against its scorer (which must take the kind's response) and against every model,
    /// which must have the capability the kind needs, as far as the factory can tell without loading it.
    /// </summary>
    private static IEnumerable<ErrorText> RequestProblems(Suite suite, IScorer? scorer, IReadOnlyList<ModelSpec> models, IBackendFactory backends)
    {
        var kind = suite.Asks;
        if (kind == RequestKind.LogLikelihoodChoices && scorer is not null and not ILogLikelihoodChoicesScorer)
            yield return $"Suite '{suite.Id}': scorer '{scorer.Name}' cannot grade {RequestKinds.Name(kind)} responses.";
        var capability = RequestKinds.Needs(kind);
        foreach (var spec in models)
        {
            if (backends.MissingCapability(spec, capability) is { } why)
                yield return $"Suite '{suite.Id}' (scorer {suite.Scorer.Type}) asks {RequestKinds.Name(kind)}, which needs the capability "
                    + $"'{RequestKinds.Name(capability)}' that model '{spec.Name}' lacks: {why}.";
        }
    }

    // A chat-only endpoint answers /completions with 404 (and a completions-only one has no chat template): say so now,
    // not after every case has failed.
    private static IEnumerable<ErrorText> ApiProblems(ModelSpec spec, Suite suite)
    {
        var api = spec.Settings?.Api ?? ModelApi.Any;
        if (api == ModelApi.Any)
            yield break;
        var chat = suite.Cases.Count(suite.SendsAsChat);
        var raw = suite.Cases.Count - chat;
        if (api == ModelApi.Chat && raw > 0)
            yield return $"Model '{spec.Name}' takes chat messages only (api: chat), but suite '{suite.Id}' has {raw} raw prompt case(s). "
                + $"Convert them: re-import with '{Operation.Import} FORMAT PATH {Setting.PromptShape} chat', or add 'format: chat' to the suite "
                + $"({SourceOf(suite)}) to send each prompt as one user turn.";
        if (api == ModelApi.Completions && chat > 0)
            yield return $"Model '{spec.Name}' takes raw prompts only (api: completions), but suite '{suite.Id}' has {chat} chat case(s). "
                + $"Run it on a model that takes chat messages, or import the dataset with '{Operation.Import} FORMAT PATH {Setting.PromptShape} raw'.";
    }

    private static string SourceOf(Suite suite) => suite.SourcePath.Length > 0 ? suite.SourcePath : suite.Id;
}
