using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Suites;

public partial class SuiteLoaderTests
{
    // Each suite below has exactly one mistake; the expected line and column point at it (1-based).
    public static TheoryData<string, int, int, string> OneMistake => new()
    {
        { "id: d\nkind: accuracy\ndefaults:\n  max_token: 32\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            4, 3, "unknown key 'max_token' in defaults. Did you mean 'max_tokens'?" },
        { "id: d\nkind: accuracy\ndefaults:\n  max_tokens: \"many\"\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            4, 15, "'max_tokens' must be a whole number greater than 0, got 'many'" },
        { "id: d\nkind: accuracy\ndefaults: {max_tokens: 0}\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            3, 24, "'max_tokens' must be greater than 0, got 0" },
        { "id: d\nkind: accuracy\ndefaults: {temperature: -0.5}\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            3, 25, "'temperature' must be 0 or more, got -0.5" },
        { "id: d\nkind: accuracy\ndefaults: {top_p: 1.5}\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            3, 19, "'top_p' must be above 0 and at most 1, got 1.5" },
        { "id: d\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            1, 1, "the suite is missing required key 'kind'" },
        { "id: d\nkind: acuracy\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            2, 7, "unknown kind 'acuracy'. Did you mean 'accuracy'?" },
        { "id: Demo Suite\nkind: bias\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            1, 5, "suite id 'Demo Suite' may only use lowercase letters" },
        { "id: d\nkind: bias\ncases: []\n",
            3, 8, "the suite has no cases" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: a\n    expected: x\n  - id: q1\n    prompt: b\n    expected: x\n",
            7, 9, "duplicate case id 'q1' (first used on line 4)" },
        { "id: d\nkind: bias\ncases:\n  - prompt: a\n    expected: x\n",
            4, 5, "case #1 is missing required key 'id'" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: a\n    messages: [{role: user, content: a}]\n    expected: x\n",
            6, 5, "case 'q1' has both 'prompt' and 'messages'" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    expected: x\n",
            4, 5, "case 'q1' needs 'prompt' or 'messages'" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    messages:\n      - {role: usr, content: hi}\n    expected: x\n",
            6, 16, "unknown role 'usr'. Did you mean 'user'?" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: p\n    choices: [a, b]\n    answer: C\n",
            7, 13, "'answer' must be a choice letter from A to B, got 'C'" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: p\n    choices: [a, b]\n",
            6, 5, "case 'q1' has 'choices' but no 'answer'" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: p\n    expected: x\n    answer: A\n",
            7, 5, "case 'q1' has 'answer' but no 'choices'" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: p\n    expected: {a: b}\n",
            6, 15, "'expected' must be text or a list of texts, got a map" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: p\n    expected: x\n    tags: topic\n",
            7, 11, "'tags' must be a map (topic: math) or a list of names, got 'topic'" },
        { "id: d\nkind: bias\nscorer: exakt\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            3, 9, "unknown scorer 'exakt'. Did you mean 'exact'?" },
        { "id: d\nkind: bias\nscorer: {normalize_case: true}\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            3, 9, "scorer is missing required key 'type'" },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n    prompt: \"unterminated\n",
            5, 13, "YAML error: " },
        { "id: d\nkind: bias\ncases:\n  - id: q1\n     prompt: p\n",
            5, 12, "YAML error: " },
        { "id: d\nid: e\nkind: bias\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            2, 1, "YAML error: Duplicate key" },
        { "id: d\nkind: bias\ndefaults: &shared {seed: 1}\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            3, 11, "anchors and aliases are not supported in suites; write the value out" },
        { "id: d\nkind: bias\n---\nid: e\n",
            4, 1, "a suite file holds one YAML document" },
        { "id: d\nkind: bias\ndescription:\ncases:\n  - {id: q1, prompt: p, expected: x}\n",
            3, 13, "'description' must be text, got nothing" },
        { "# nothing here\n",
            1, 1, "the file holds no YAML content" },
    };

    [Theory]
    [MemberData(nameof(OneMistake))]
    public void Each_mistake_is_reported_with_its_line_column_and_what_is_wrong(string yaml, int line, int column, string fragment)
    {
        // Given a suite with one mistake
        // When it is parsed
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(yaml, "bad.yaml"));

        // Then exactly that mistake is reported, located
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains(fragment, diagnostic.Message);
        Assert.Equal(("bad.yaml", line, column), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains($"bad.yaml:{line}:{column}: ", error.Message);
    }

    [Fact]
    public void Every_mistake_in_a_file_is_reported_at_once()
    {
        // Given a suite with five unrelated mistakes
        const string yaml = """
            id: d
            kind: acuracy
            defaults:
              temperature: hot
            cases:
              - id: q1
                prompt: p
                expected: x
                tag: [a]
              - id: q1
                messages:
                  - {role: user}
            """;

        // When it is parsed
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(yaml, "many.yaml"));

        // Then all of them are listed, in file order
        Assert.Collection(error.Diagnostics,
            d => Assert.Equal((2, 7, true), (d.Line, d.Column, d.Message.Contains("unknown kind 'acuracy'"))),
            d => Assert.Equal((4, 16, true), (d.Line, d.Column, d.Message.Contains("'temperature' must be a number"))),
            d => Assert.Equal((9, 5, true), (d.Line, d.Column, d.Message.Contains("unknown key 'tag' in case 'q1'. Did you mean 'tags'?"))),
            d => Assert.Equal((10, 9, true), (d.Line, d.Column, d.Message.Contains("duplicate case id 'q1' (first used on line 6)"))),
            d => Assert.Equal((12, 9, true), (d.Line, d.Column, d.Message.Contains("a message is missing required key 'content'"))));
    }

    [Fact]
    public void Unknown_key_diagnostic_lists_the_valid_keys_as_a_hint()
    {
        // Given a suite with a misspelt top-level key
        const string yaml = "id: d\nkind: bias\ndescripton: x\ncases:\n  - {id: q1, prompt: p, expected: x}\n";

        // When it is parsed
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(yaml, "k.yaml"));

        // Then the hint names every valid key
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("k.yaml:3:1: unknown key 'descripton' in the suite. Did you mean 'description'? " +
            "(valid keys: id, kind, description, defaults, scorer, judge, cases, dataset, format, fewshot)", diagnostic.ToString());
    }
}
