using System.Text.RegularExpressions;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// <c>regex</c>: one of the case's expected answers, read as a .NET regular expression, matches the reply.
/// Case matters unless <c>ignore_case</c> is true. A pattern that is invalid or runs past its time limit
/// (one second) cannot grade the reply: if no other pattern matches, the score is <c>unknown</c> with the reason.
/// </summary>
public sealed class RegexScorer : IScorer
{
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(1);

    private readonly RegexOptions _options;
    private readonly TimeSpan _timeout;

    public RegexScorer(bool ignoreCase = false)
        : this(ignoreCase, _defaultTimeout)
    {
    }

    internal RegexScorer(bool ignoreCase, TimeSpan timeout)
    {
        _options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        _timeout = timeout;
    }

    public string Name => "regex";

    public Score Score(EvalCase evalCase, string completion)
    {
        if (CaseRequirements.Expected(evalCase, Name).FirstOrDefault() is { } problem)
            return ReasonText.Unknown(problem);

        string? failure = null;
        foreach (var pattern in evalCase.Expected)
        {
            try
            {
                if (Regex.IsMatch(completion, pattern, _options, _timeout))
                    return Scoring.Score.Correct($"matches {ReasonText.Quote(pattern)}");
            }
            catch (RegexMatchTimeoutException)
            {
                failure ??= $"pattern {ReasonText.Quote(pattern)} ran past its {_timeout.TotalSeconds:0.###} s limit";
            }
            catch (ArgumentException ex)
            {
                failure ??= $"pattern {ReasonText.Quote(pattern)} is invalid: {ex.Message}";
            }
        }
        return failure is null
            ? Scoring.Score.Incorrect($"matches none of {ReasonText.QuoteList(evalCase.Expected)}")
            : ReasonText.Unknown(failure);
    }
}
