using System.Text;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.TestSupport;

namespace EvalKit.Datasets.Tests;

public class ImporterRobustnessTests
{
    private static readonly ColumnMapping _mapping = new() { Prompt = "question", Expected = "answer", Id = "qid", Tags = ["category"] };

    [Fact]
    public void Ragged_csv_rows_are_problems_and_the_other_rows_are_read()
    {
        // Given a CSV whose second and fourth rows have too few and too many fields
        using var dir = new TempDir();
        var path = dir.Write("data.csv", "qid,question,answer,category\nq1,One?,1,a\nq2,Two?\nq3,\"Three,\nwith a line break?\",3,b\nq4,Four?,4,c,extra\n");

        // When it is imported with a mapping
        var result = DatasetFormats.Import("csv", path, new DatasetImportOptions { Mapping = _mapping });

        // Then the good rows are cases and each ragged row is a problem at its line
        Assert.Equal(["q1", "q3"], result.Cases.Select(c => c.Id));
        Assert.Equal("Three,\nwith a line break?", result.Cases[1].Prompt);
        Assert.Equal("b", result.Cases[1].Tags["category"]);
        Assert.Equal([3L, 6L], result.Problems.Select(p => p.Line));
        Assert.Contains("2 field(s), expected 4", result.Problems[0].Message);
    }

    [Fact]
    public void Csv_quirks_a_bom_a_stray_quote_and_an_unclosed_quote_are_handled()
    {
        // Given a CSV with a byte order mark, a stray quote in an unquoted field, and a quote never closed on line 4
        using var dir = new TempDir();
        var path = dir.File("quirks.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. "qid,question,answer,category\nq1,He is 5'11\" tall?,yes,a\nq2,Fine?,yes,b\nq3,\"Never closed,no,c\nq4,Lost?,no,d\n"u8]);

        // When it is imported
        var result = DatasetFormats.Import("csv", path, new DatasetImportOptions { Mapping = _mapping });

        // Then the header is read despite the BOM, the stray quote is text, and the unclosed quote is reported at its start
        Assert.Equal(["q1", "q2"], result.Cases.Select(c => c.Id));
        Assert.Equal("He is 5'11\" tall?", result.Cases[0].Prompt);
        Assert.Contains(result.Problems, p => p.Line == 4 && p.Message.Contains("never closed"));
    }

    [Fact]
    public void A_limit_stops_reading_before_a_bad_byte_far_into_the_file()
    {
        // Given 5000 good rows (about 300 KB) followed by a byte that is not UTF-8
        using var dir = new TempDir();
        var path = dir.File("big.jsonl");
        var good = string.Concat(Enumerable.Range(1, 5000).Select(i => $"{{\"question\":\"What is {i} plus {i}, padded to make the line longer?\",\"answer\":\"#### {2 * i}\"}}\n"));
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(good), 0xFF, (byte)'\n']);

        // When the first 10 rows are asked for, and then every row
        var limited = DatasetFormats.Import("gsm8k", path, new DatasetImportOptions { Limit = 10 });
        var all = Assert.Throws<EvalKitException>(() => DatasetFormats.Import("gsm8k", path, new()));

        // Then the limited read never reaches the bad byte, which the full read reports on line 5001
        Assert.Equal(10, limited.Cases.Count);
        Assert.Contains(":5001 is not valid UTF-8", all.Message);
    }

    [Fact]
    public void Invalid_utf8_names_the_file_and_line()
    {
        // Given JSONL and CSV files with a Latin-1 byte on line 3
        using var dir = new TempDir();
        var jsonl = dir.File("bad.jsonl");
        File.WriteAllBytes(jsonl, [.. "{\"question\":\"a\",\"answer\":\"1\"}\n\n{\"question\":\"caf"u8, 0xE9, .. "\",\"answer\":\"2\"}\n"u8]);
        var csv = dir.File("bad.csv");
        File.WriteAllBytes(csv, [.. "qid,question,answer,category\nq1,a,1,x\nq2,caf"u8, 0xE9, .. ",2,y\n"u8]);
        var mapping = _mapping with { Id = null };

        // When each is imported
        var fromJsonl = Assert.Throws<EvalKitException>(() => DatasetFormats.Import("jsonl", jsonl, new DatasetImportOptions { Mapping = mapping }));
        var fromCsv = Assert.Throws<EvalKitException>(() => DatasetFormats.Import("csv", csv, new DatasetImportOptions { Mapping = mapping }));

        // Then the error names the file and line, and says to convert it
        Assert.Contains($"{jsonl}:3 is not valid UTF-8", fromJsonl.Message);
        Assert.Contains($"{csv}:3 is not valid UTF-8", fromCsv.Message);
        Assert.Contains("UTF-8", fromJsonl.Hint);
    }

    [Fact]
    public void Invalid_utf8_in_a_json_array_and_a_gzip_is_located_too()
    {
        // Given a JSON array with a bad byte on line 2, and a gzip whose text has one on line 1
        using var dir = new TempDir();
        var array = dir.File("bad.json");
        File.WriteAllBytes(array, [.. "[\n{\"subject\":\"s\",\"prompt\":\"x"u8, 0xFF, .. "\"}]"u8]);
        var gzip = dir.File("bad.jsonl.gz");
        using (var file = File.Create(gzip))
        using (var zip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
            zip.Write([.. "{\"task_id\":\"t"u8, 0xC3, .. "\"}\n"u8]);

        // Then both errors carry the line
        Assert.Contains($"{array}:2 is not valid UTF-8", Assert.Throws<EvalKitException>(() => DatasetFormats.Import("ccp-sensitive", array, new())).Message);
        Assert.Contains($"{gzip}:1 is not valid UTF-8", Assert.Throws<EvalKitException>(() => DatasetFormats.Import("humaneval", gzip, new())).Message);
    }

    [Fact]
    public void Blank_lines_bad_json_and_missing_fields_are_skipped_or_reported_per_row()
    {
        // Given JSONL with blank lines, a broken line, a non-object and a row missing its answer
        using var dir = new TempDir();
        var path = dir.Write("gsm.jsonl",
            "\n{\"question\":\"1+1?\",\"answer\":\"2\\n#### 2\"}\r\n   \n{not json\n[1,2]\n{\"question\":\"3?\"}\n{\"question\":\"4?\",\"answer\":\"#### 1,000\"}\n");

        // When it is imported as GSM8K
        var result = DatasetFormats.Import("gsm8k", path, new());

        // Then the good rows are cases and each bad one a problem at its line
        Assert.Equal(["gsm8k-2", "gsm8k-7"], result.Cases.Select(c => c.Id));
        Assert.Equal(["1000"], result.Cases[1].Expected);
        Assert.Equal([4L, 5L, 6L], result.Problems.Select(p => p.Line));
        Assert.Contains("not valid JSON", result.Problems[0].Message);
        Assert.Contains("not a JSON object", result.Problems[1].Message);
        Assert.Contains("missing field 'answer'", result.Problems[2].Message);
    }

    [Fact]
    public void Jsonl_mapping_reads_nested_fields_lists_and_answers_given_as_text()
    {
        // Given JSONL rows with nested fields, a list of expected answers and an answer given as choice text
        using var dir = new TempDir();
        var path = dir.Write("mc.jsonl",
            "{\"q\":{\"text\":\"Capital of France?\"},\"opts\":[\"Lyon\",\"Paris\"],\"gold\":\"Paris\",\"alts\":[\"Paris\",\"paris\"],\"topic\":\"geo\",\"n\":7}\n");
        var mapping = new ColumnMapping { Prompt = "q.text", Choices = ["opts"], Answer = "gold", Expected = "alts", Tags = ["topic"], Metadata = ["n"] };

        // When it is imported
        var result = DatasetFormats.Import("jsonl", path, new DatasetImportOptions { Mapping = mapping });

        // Then every part lands in its place
        var only = Assert.Single(result.Cases);
        Assert.Equal("mc-1", only.Id);
        Assert.Equal("Capital of France?", only.Prompt);
        Assert.Equal(["Lyon", "Paris"], only.Choices);
        Assert.Equal("B", only.Answer);
        Assert.Equal(["Paris", "paris"], only.Expected);
        Assert.Equal("geo", only.Tags["topic"]);
        Assert.Equal("7", only.Metadata["n"]);
    }

    [Fact]
    public void Csv_mapping_with_an_unknown_column_fails_before_reading_rows()
    {
        // Given a CSV without the mapped column 'categroy'
        using var dir = new TempDir();
        var path = dir.Write("data.csv", "qid,question,answer,category\nq1,One?,1,a\n");

        // When it is imported
        var error = Assert.Throws<EvalKitException>(() =>
            DatasetFormats.Import("csv", path, new DatasetImportOptions { Mapping = _mapping with { Tags = ["categroy"] } }));

        // Then the error names the column and suggests the right one
        Assert.Contains("no column 'categroy'. Did you mean 'category'?", error.Message);
    }

    [Fact]
    public void Unknown_format_suggests_the_closest_and_plain_formats_need_a_mapping()
    {
        Assert.Contains("Did you mean 'gsm8k'?", Assert.Throws<EvalKitException>(() => DatasetFormats.Get("gsm8")).Message);
        Assert.Contains("needs a column mapping",
            Assert.Throws<EvalKitException>(() => DatasetFormats.Import("jsonl", "x.jsonl", new())).Message);
        Assert.Contains("not found", Assert.Throws<EvalKitException>(() => DatasetFormats.Import("gsm8k", "/no/such/file.jsonl", new())).Message);
    }
}
