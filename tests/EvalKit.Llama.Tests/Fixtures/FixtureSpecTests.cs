using EvalKit.Core;
using EvalKit.Core.Suites;
using EvalKit.Llama.Fixtures;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Fixtures;

public sealed class FixtureSpecTests
{
    [Fact]
    public void Pairs_spec_loads_with_name_description_and_pairs()
    {
        // Given a spec with two pairs, one with an empty answer
        using var temp = new TempDir();
        var path = temp.Write("demo.fixture.yaml", """
            name: demo-teacher
            description: Answers every demo case correctly.
            pairs:
              - prompt: "Hello"
                response: "Hi there"
              - prompt: "Say nothing"
                response: ""
            """);

        // When it is loaded
        var spec = FixtureSpec.Load(path);

        // Then the pairs are there, in order, with their origin
        Assert.Equal("demo-teacher", spec.Name);
        Assert.Equal("Answers every demo case correctly.", spec.Description);
        Assert.Equal([new FixturePair("Hello", "Hi there", "pair 1"), new FixturePair("Say nothing", "", "pair 2")], spec.Pairs);
        Assert.Matches("^[0-9a-f]{64}$", spec.Digest);
    }

    [Fact]
    public void A_pair_may_give_its_response_as_tokens_and_they_must_spell_the_response()
    {
        // Given one pair with tokens only, one with tokens that do not spell its response
        using var temp = new TempDir();
        var good = temp.Write("good.fixture.yaml", """
            pairs:
              - prompt: "Why?"
                tokens: ["<think>", "hmm", "</think>", "Because."]
            """);
        var bad = temp.Write("bad.fixture.yaml", """
            pairs:
              - { prompt: "Why?", response: "Because.", tokens: ["<think>", "Because."] }
            """);

        // When they are loaded
        var pair = Assert.Single(FixtureSpec.Load(good).Pairs);
        var error = Assert.Throws<EvalKitException>(() => FixtureSpec.Load(bad));

        // Then
        Assert.Equal("<think>hmm</think>Because.", pair.Response);
        Assert.Equal(["<think>", "hmm", "</think>", "Because."], pair.ResponseTokens);
        Assert.Contains("pair 1: the response tokens must be non-empty and together spell the response", error.Message);
    }

    [Fact]
    public void Name_defaults_to_the_file_name()
    {
        // Given a spec without a name, When it is loaded, Then its name comes from the file
        using var temp = new TempDir();
        var path = temp.Write("student.fixture.yaml", "pairs:\n  - { prompt: a, response: b }\n");
        Assert.Equal("student", FixtureSpec.Load(path).Name);
    }

    [Theory]
    [InlineData("pairs:\n  - prompt: a\n    answer: b\n", "fixture.yaml:3:5: unknown key 'answer'")]
    [InlineData("pairs:\n  - prompt: a\n", "pair 1 has no 'response:'")]
    [InlineData("pairs: [ { prompt: a, response: b }, { prompt: a, response: c } ]\n", "pair 2: the prompt 'a' is also programmed by pair 1 with another response")]
    [InlineData("pairs:\n  - { prompt: '', response: b }\n", "pair 1: the prompt is empty")]
    [InlineData("pairs:\n  - { prompt: 'a\u2581b', response: b }\n", "(U+2581)")]
    [InlineData("name: x\n", "no prompt is programmed")]
    [InlineData("", "the fixture spec is empty")]
    [InlineData("responses:\n  s: { c: x }\n", "'responses:' is given but no 'suites:' are listed")]
    [InlineData("suites: [missing]\nresponses:\n  s: { c: x }\n", "suite path(s) not found")]
    [InlineData("pairs: [\n", "fixture.yaml:")]
    public void Spec_errors_name_the_file_and_the_problem(string yaml, string expected)
    {
        // Given a faulty spec
        using var temp = new TempDir();
        var path = temp.Write("fixture.yaml", yaml);

        // When it is loaded, Then the error names the file and what is wrong
        var error = Assert.Throws<EvalKitException>(() => FixtureSpec.Load(path));
        Assert.Contains(expected, error.Message);
        Assert.Contains(path, error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Suite_cases_are_programmed_from_responses()
    {
        // Given a spec listing a suite folder, with a response for each of its raw-prompt cases
        using var temp = new TempDir();
        var suiteFile = temp.Write("suites/demo/accuracy.yaml", """
            id: demo-accuracy
            kind: accuracy
            cases:
              - {id: capital-france, prompt: The capital of France is, expected: Paris}
              - {id: two-plus-two, prompt: "2+2=", expected: "4"}
            """);
        var path = temp.Write("specs/demo.fixture.yaml", """
            suites: [../suites/demo]
            responses:
              demo-accuracy:
                capital-france: Paris
                two-plus-two: "4"
            pairs:
              - { prompt: Hello, response: Hi }
            """);

        // When it is loaded
        var spec = FixtureSpec.Load(path);

        // Then suite pairs come first, then the extra pairs, and the suite path was resolved relative to the spec
        Assert.Equal(["The capital of France is → Paris", "2+2= → 4", "Hello → Hi"], spec.Pairs.Select(p => $"{p.Prompt} → {p.Response}"));
        Assert.Equal("suite 'demo-accuracy' case 'capital-france'", spec.Pairs[0].Source);
        Assert.Equal([Path.GetFullPath(suiteFile)], spec.SuiteFiles.Select(Path.GetFullPath));
    }

    [Fact]
    public void Missing_extra_and_chat_cases_are_all_reported_at_once()
    {
        // Given responses that miss one case, name a case and a suite that do not exist, and a chat case
        using var temp = new TempDir();
        temp.Write("accuracy.yaml", """
            id: demo-accuracy
            kind: accuracy
            cases:
              - {id: a, prompt: A?, expected: "1"}
              - {id: b, prompt: B?, expected: "2"}
              - id: chatty
                messages: [{role: user, content: hi}]
                expected: hello
            """);
        var path = temp.Write("demo.fixture.yaml", """
            suites: [accuracy.yaml]
            responses:
              demo-accuracy: { a: "1", c: "3" }
              demo-acuracy: { a: "1" }
            """);

        // When it is loaded
        var error = Assert.Throws<EvalKitException>(() => FixtureSpec.Load(path));

        // Then every problem is listed
        Assert.Contains("4 problem(s)", error.Message);
        Assert.Contains("suite 'demo-accuracy' case 'b' has no response", error.Message);
        Assert.Contains("suite 'demo-accuracy' case 'chatty' is a chat ('messages') case", error.Message);
        Assert.Contains("names case 'c', which suite 'demo-accuracy' does not have", error.Message);
        Assert.Contains("names suite 'demo-acuracy', which is not among the suites listed", error.Message);
    }

    [Fact]
    public void Digest_covers_the_spec_and_its_suite_files()
    {
        // Given a spec over a suite file
        using var temp = new TempDir();
        var suiteFile = temp.Write("s.yaml", "id: s\nkind: custom\ncases:\n  - {id: c, prompt: prompt, expected: answer}\n");
        var path = temp.Write("demo.fixture.yaml", "suites: [s.yaml]\nresponses:\n  s: { c: answer }\n");
        var first = FixtureSpec.Load(path).Digest;

        // When nothing changes, the suite file changes, or the spec changes
        var again = FixtureSpec.Load(path).Digest;
        File.AppendAllText(suiteFile, "# edited\n");
        var suiteEdited = FixtureSpec.Load(path).Digest;
        File.AppendAllText(path, "# edited\n");
        var specEdited = FixtureSpec.Load(path).Digest;

        // Then the digest is stable, and moves with either file
        Assert.Equal(first, again);
        Assert.NotEqual(first, suiteEdited);
        Assert.NotEqual(suiteEdited, specEdited);
    }

    [Fact]
    public void Specs_built_in_code_number_their_pairs_and_drop_exact_repeats()
    {
        // Given pairs with an exact repeat, When a spec is built in code
        var spec = FixtureSpec.FromPairs("code", [new("a", "b"), new("c", "d"), new("a", "b")]);

        // Then the repeat is dropped and the rest are numbered
        Assert.Equal([new FixturePair("a", "b", "pair 1"), new FixturePair("c", "d", "pair 2")], spec.Pairs);
        Assert.Equal(spec.Digest, FixtureSpec.FromPairs("code", [new("a", "b"), new("c", "d")]).Digest);
        Assert.NotEqual(spec.Digest, FixtureSpec.FromPairs("code", [new("a", "b"), new("c", "e")]).Digest);
    }
}
