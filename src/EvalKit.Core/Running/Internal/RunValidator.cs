using EvalKit.Core.Backends;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Running.Internal;

/// <summary>Every cheap check before the first model loads, reported together; returns the scorer of each suite.</summary>
internal static class RunValidator
{
    public static Dictionary<string, IScorer> Validate(RunRequest request, IBackendFactory backends)
    {
        var problems = new List<string>();
        if (request.Suites.Count == 0)
            problems.Add("No suites to run.");
        if (request.Models.Count == 0)
            problems.Add("No models to run.");
        if (request.Parallel < 1)
            problems.Add($"Parallel must be at least 1 case at a time, not {request.Parallel}.");
        if (request.Repeats < 1)
            problems.Add($"Repeats must be at least 1, not {request.Repeats}.");
        foreach (var duplicate in request.Models.GroupBy(m => m.Name).Where(g => g.Count() > 1))
            problems.Add($"Model name '{duplicate.Key}' is used twice; name them: --model a=PATH --model b=PATH.");
        foreach (var spec in request.Models)
            problems.AddRange(backends.Check(spec).Select(p => $"Model '{spec.Name}': {p}"));

        var scorers = new Dictionary<string, IScorer>();
        foreach (var suite in request.Suites)
        {
            if (suite.Judge is { } judge && !request.Models.Any(m => m.Name == judge.Model))
                problems.Add($"Suite '{suite.Id}': its judge model '{judge.Model}' is not one of the run's models "
                    + $"({string.Join(", ", request.Models.Select(m => m.Name))}); add it: --model {judge.Model}=PATH.");
            try
            {
                scorers[suite.Id] = ScorerCatalog.Create(suite.Scorer);
            }
            catch (EvalKitException ex)
            {
                problems.Add($"Suite '{suite.Id}': {ex.Message}");
            }
            if (scorers.GetValueOrDefault(suite.Id) is ChoiceLogLikelihoodScorer)
            {
                foreach (var spec in request.Models)
                {
                    if (backends.LogLikelihoodUnavailable(spec) is { } why)
                        problems.Add($"Suite '{suite.Id}' (scorer {ChoiceLogLikelihoodScorer.TypeName}) needs log-likelihoods, which model '{spec.Name}' cannot give: {why}.");
                }
            }
        }
        if (problems.Count > 0)
            throw new EvalKitException(
                "Cannot start the run:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)),
                "Nothing was loaded or written. Fix the problems above and run again.");
        return scorers;
    }
}
