using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Datasets.Tests;

public class SuiteDatasetTests
{
    public SuiteDatasetTests() => Registration.Ensure();

    private static SuiteLoadOptions SharedRoot => new() { DataRoots = [Path.Combine(SharedAssets.Root, "datasets")] };

    private static SuiteValidationException Invalid(string path, SuiteLoadOptions? options = null) =>
        Assert.Throws<SuiteValidationException>(() => SuiteLoader.LoadFile(path, options ?? new SuiteLoadOptions()));

    [Fact]
    public void Suite_with_a_dataset_imports_the_limited_seeded_sample()
    {
        // Given a suite naming GSM8K by a relative path that leaves its folder, allowed through a data root
        using var dir = new TempDir();
        var gsm8k = SharedAssets.Dataset("gsm8k/test.jsonl");
        var relative = Path.GetRelativePath(dir.Path, gsm8k);
        var suite = dir.Write("gsm8k.yaml", $"""
            id: gsm8k-quick
            kind: accuracy
            scorer: numeric
            dataset: {"{"}path: "{relative}", format: gsm8k, limit: 50, sample: 20, seed: 1{"}"}
            """);

        // When it is loaded
        var loaded = SuiteLoader.LoadFile(suite, SharedRoot);

        // Then its cases are the importer's seeded sample
        var expected = DatasetFormats.Import("gsm8k", gsm8k, new DatasetImportOptions { Limit = 50, Sample = 20, Seed = 1 });
        Assert.Equal(expected.Cases.Select(c => c.Id), loaded.Cases.Select(c => c.Id));
        Assert.Equal(expected.Cases[0].Expected, loaded.Cases[0].Expected);
    }

    [Fact]
    public void A_relative_dataset_path_is_also_looked_up_in_the_data_roots()
    {
        // Given a suite that names the dataset relative to the data root
        using var dir = new TempDir();
        var suite = dir.Write("xstest.yaml", """
            id: xstest
            kind: censorship
            scorer: refusal
            dataset: {path: xstest/xstest_prompts.csv, format: xstest}
            """);

        // When it is loaded with the shared datasets as a data root
        var loaded = SuiteLoader.LoadFile(suite, SharedRoot);

        // Then the file is found there
        Assert.Equal(360, loaded.Cases.Count);
    }

    [Fact]
    public void Dataset_paths_that_escape_the_suite_folder_are_refused_with_a_located_error()
    {
        // Given suites that reach outside their folder by '..' and by an absolute path, with no data roots
        using var dir = new TempDir();
        var up = dir.Write("sub/up.yaml", "id: up\nkind: custom\ndataset:\n  path: ../data.jsonl\n  format: jsonl\n  mapping: {prompt: q, expected: q}\n");
        dir.Write("data.jsonl", "{\"q\":\"hello\"}\n");
        var absolute = dir.Write("abs.yaml", $"id: abs\nkind: accuracy\nscorer: numeric\ndataset: {{path: \"{SharedAssets.Dataset("gsm8k/test.jsonl")}\", format: gsm8k}}\n");

        // When they are loaded
        var upError = Assert.Single(Invalid(up).Diagnostics);
        var absError = Assert.Single(Invalid(absolute).Diagnostics);

        // Then each is refused at the path, with the way to allow it
        Assert.Equal(4, upError.Line);
        Assert.Contains("leads outside the suite's folder", upError.Message);
        Assert.Contains("EVALKIT_DATA", upError.Hint);
        Assert.Contains("leads outside the suite's folder", absError.Message);

        // And allowing the folder as a data root lets them load
        Assert.Single(SuiteLoader.LoadFile(up, new SuiteLoadOptions { DataRoots = [dir.Path] }).Cases);
        Assert.Equal(1055, SuiteLoader.LoadFile(absolute, SharedRoot).Cases.Count);
    }

    [Fact]
    public void Inline_cases_and_a_mapped_dataset_beside_the_suite_combine()
    {
        // Given a suite with one inline case and a CSV beside it read through a mapping
        using var dir = new TempDir();
        dir.Write("data/qa.csv", "qid,question,answer,topic\nq1,Capital of Peru?,Lima,geo\nq2,2+3?,5,math\n");
        var suite = dir.Write("mixed.yaml", """
            id: mixed
            kind: custom
            scorer: contains
            cases:
              - {id: inline, prompt: "Say hi", expected: hi}
            dataset:
              path: data/qa.csv
              format: csv
              mapping: {prompt: question, expected: answer, id: qid, tags: [topic]}
            """);

        // When it is loaded without any data root
        var loaded = SuiteLoader.LoadFile(suite, new SuiteLoadOptions());

        // Then the inline case comes first, then the rows
        Assert.Equal(["inline", "q1", "q2"], loaded.Cases.Select(c => c.Id));
        Assert.Equal(["Lima"], loaded.Cases[1].Expected);
        Assert.Equal("math", loaded.Cases[2].Tags["topic"]);
    }

    [Fact]
    public void Dataset_mistakes_are_located_diagnostics()
    {
        // Given a suite with an unknown format, a seed without sample, a zero limit and an unknown key
        using var dir = new TempDir();
        var suite = dir.Write("bad.yaml", """
            id: bad
            kind: accuracy
            dataset:
              path: x.jsonl
              format: gsm8
              limit: 0
              seed: 3
              shuffle: true
            """);

        // When it is validated
        var diagnostics = Invalid(suite).Diagnostics;

        // Then each mistake is reported on its own line
        Assert.Contains(diagnostics, d => d.Line == 5 && d.Message.Contains("unknown dataset format 'gsm8'. Did you mean 'gsm8k'?"));
        Assert.Contains(diagnostics, d => d.Line == 6 && d.Message.Contains("'limit' must be greater than 0"));
        Assert.Contains(diagnostics, d => d.Line == 7 && d.Message.Contains("'seed' does nothing without 'sample'"));
        Assert.Contains(diagnostics, d => d.Line == 8 && d.Message.Contains("unknown key 'shuffle'"));
    }

    [Fact]
    public void Bad_rows_duplicate_ids_and_unscorable_cases_are_reported()
    {
        // Given a mapped dataset with a row lacking its prompt, an id clashing with an inline case, and a non-numeric answer
        using var dir = new TempDir();
        dir.Write("rows.jsonl", "{\"id\":\"a\",\"q\":\"1+1?\",\"ans\":\"2\"}\n{\"id\":\"b\",\"ans\":\"3\"}\n{\"id\":\"c\",\"q\":\"Name?\",\"ans\":\"Bob\"}\n");
        var suite = dir.Write("rows.yaml", """
            id: rows
            kind: accuracy
            scorer: numeric
            cases:
              - {id: a, prompt: "x", expected: "1"}
            dataset: {path: rows.jsonl, format: jsonl, mapping: {prompt: q, expected: ans, id: id}}
            """);

        // When it is validated
        var messages = Invalid(suite).Diagnostics.Select(d => d.Message).ToList();

        // Then all three problems are listed
        Assert.Contains(messages, m => m.Contains("rows.jsonl:2: missing field 'q'"));
        Assert.Contains(messages, m => m.Contains("dataset case id 'a' is also used by an inline case"));
        Assert.Contains(messages, m => m.Contains("dataset case 'c' cannot be scored by 'numeric'"));
    }

    [Fact]
    public void Changing_the_dataset_changes_the_suite_digest()
    {
        // Given a suite over a dataset file beside it
        using var dir = new TempDir();
        var data = dir.Write("d.jsonl", "{\"q\":\"one\"}\n");
        var suite = dir.Write("d.yaml", "id: d\nkind: custom\nscorer: regex\ndataset: {path: d.jsonl, format: jsonl, mapping: {prompt: q, expected: q}}\n");
        var before = SuiteLoader.LoadFile(suite, new SuiteLoadOptions()).Digest;

        // When only the dataset changes
        File.WriteAllText(data, "{\"q\":\"two\"}\n");
        var after = SuiteLoader.LoadFile(suite, new SuiteLoadOptions()).Digest;

        // Then the digest differs, though the suite file did not change
        Assert.NotEqual(before, after);
        Assert.Equal(64, after.Length);
    }
}
