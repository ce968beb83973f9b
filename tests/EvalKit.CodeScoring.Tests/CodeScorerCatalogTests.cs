using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.CodeScoring.Tests;

/// <summary>The code scorer joins the catalog through its one registration point, as the CLI registers it.</summary>
public sealed class CodeScorerCatalogTests
{
    public CodeScorerCatalogTests() => Registration.Ensure();

    [Fact]
    public void Registered_code_comes_after_the_built_in_scorers_and_registering_it_again_changes_nothing()
    {
        // When it is registered a second time
        Registration.Ensure();

        // Then it is listed once, last, and built from a suite's scorer spec
        Assert.Equal(["exact", "contains", "regex", "choice", "numeric", "choice_loglik", "simpleqa", "censorship", "refusal", "code"], ScorerCatalog.Names);
        Assert.Equal("code", ScorerCatalog.Create(new ScorerSpec("code", new Dictionary<string, string>())).Name);
        Assert.EndsWith("Known scorers: exact, contains, regex, choice, numeric, choice_loglik, simpleqa, censorship, refusal, code.",
            Assert.Single(ScorerCatalog.Validate(new ScorerSpec("cod", new Dictionary<string, string>()))));
    }

    [Fact]
    public void Another_scorer_under_a_taken_name_is_refused()
    {
        var other = CodeScorer.Entry with { CaseProblems = (_, _) => [] };

        Assert.Throws<InvalidOperationException>(() => ScorerCatalog.Register("code", other));
        Assert.Throws<InvalidOperationException>(() => ScorerCatalog.Register("exact", other));
    }

    [Theory]
    [InlineData("timeout_s", "0", "must be a number above 0")]
    [InlineData("memory_mb", "1.5", "must be a whole number above 0")]
    public void Bad_option_values_are_reported(string option, string value, string wording)
    {
        // When
        var problem = Assert.Single(ScorerCatalog.Validate(new ScorerSpec("code", new Dictionary<string, string> { [option] = value })));

        // Then
        Assert.StartsWith($"option '{option}' of scorer 'code' {wording}", problem);
        Assert.EndsWith($", not \"{value}\".", problem);
    }
}
