using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class ScorerCatalogTests
{
    public static TheoryData<string> Names => new(ScorerCatalog.Names);

    [Fact]
    public void Catalog_lists_the_built_in_scorers()
    {
        Assert.Equal(["exact", "contains", "regex", "choice", "numeric", "choice_loglik", "simpleqa", "censorship", "refusal"], ScorerCatalog.Names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_builds_every_listed_scorer_with_default_options(string name)
    {
        // When
        var scorer = ScorerCatalog.Create(Spec(name));

        // Then
        Assert.Equal(name, scorer.Name);
        Assert.Empty(ScorerCatalog.Validate(Spec(name)));
    }

    [Fact]
    public void Unknown_scorer_suggests_the_closest_name_and_lists_all()
    {
        // When
        var error = Assert.Throws<EvalKitException>(() => ScorerCatalog.Create(Spec("exat")));

        // Then
        Assert.Equal("unknown scorer 'exat'. Did you mean 'exact'? Known scorers: exact, contains, regex, choice, numeric, choice_loglik, simpleqa, censorship, refusal.",
            error.Message);
        Assert.Equal([error.Message], ScorerCatalog.Validate(Spec("exat")));
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Unknown_option_is_reported_with_a_suggestion()
    {
        // When
        var problems = ScorerCatalog.Validate(Spec("exact", ("ignore_cas", "true")));

        // Then
        Assert.Equal(
            "scorer 'exact' has no option 'ignore_cas'. Did you mean 'ignore_case'? "
            + "Its options: ignore_case, collapse_whitespace, strip_punctuation, strip_articles.",
            Assert.Single(problems));
    }

    [Fact]
    public void Option_given_to_a_scorer_without_options_is_reported()
    {
        var problems = ScorerCatalog.Validate(Spec("choice", ("ignore_case", "true")));

        Assert.Equal("scorer 'choice' takes no options, but 'ignore_case' is given.", Assert.Single(problems));
    }

    [Theory]
    [InlineData("exact", "strip_articles", "yes", "must be true or false")]
    [InlineData("regex", "ignore_case", "1", "must be true or false")]
    [InlineData("numeric", "tolerance", "abc", "must be a number, 0 or more")]
    [InlineData("numeric", "tolerance", "-0.5", "must be a number, 0 or more")]
    public void Bad_option_values_are_reported(string scorer, string option, string value, string wording)
    {
        // When
        var problem = Assert.Single(ScorerCatalog.Validate(Spec(scorer, (option, value))));

        // Then
        Assert.StartsWith($"option '{option}' of scorer '{scorer}' {wording}", problem);
        Assert.EndsWith($", not \"{value}\".", problem);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = ScorerCatalog.Validate(Spec("exact", ("ignore_case", "maybe"), ("strip", "true")));

        Assert.Equal(2, problems.Count);
    }

    [Theory]
    [InlineData("True")]
    [InlineData("FALSE")]
    public void Boolean_values_ignore_case(string value)
    {
        Assert.Empty(ScorerCatalog.Validate(Spec("contains", ("ignore_case", value))));
    }

    [Fact]
    public void Create_refuses_invalid_options()
    {
        var error = Assert.Throws<EvalKitException>(() => ScorerCatalog.Create(Spec("numeric", ("tolerance", "lots"))));

        Assert.Contains("'tolerance'", error.Message);
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("contains")]
    [InlineData("regex")]
    [InlineData("numeric")]
    public void Text_scorers_need_an_expected_answer(string scorer)
    {
        var problems = ScorerCatalog.CaseProblems(Spec(scorer), new EvalCase { Id = "c1", Prompt = "?" });

        Assert.Equal($"scorer '{scorer}' needs at least one 'expected' answer", Assert.Single(problems));
    }

    [Fact]
    public void Choice_needs_two_choices_and_an_answer()
    {
        // Given
        var evalCase = new EvalCase { Id = "q1", Prompt = "?", Choices = ["only"], Answer = "A" };

        // When
        var problems = ScorerCatalog.CaseProblems(Spec("choice"), evalCase);

        // Then
        Assert.Equal("scorer 'choice' needs at least two 'choices'; this case has 1", Assert.Single(problems));
    }

    [Fact]
    public void Unknown_scorer_has_no_case_problems_of_its_own()
    {
        Assert.Empty(ScorerCatalog.CaseProblems(Spec("exat"), new EvalCase { Id = "c1", Prompt = "?" }));
    }

    private static ScorerSpec Spec(string type, params (string Name, string Value)[] options) =>
        new(type, options.ToDictionary(o => o.Name, o => o.Value));
}
