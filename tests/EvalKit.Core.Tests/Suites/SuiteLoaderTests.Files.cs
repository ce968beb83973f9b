using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Suites;

public partial class SuiteLoaderTests
{
    private static string Valid(string id) => $"id: {id}\nkind: accuracy\ncases:\n  - {{id: q1, prompt: p, expected: x}}\n";

    [Fact]
    public void Folder_loads_every_yaml_file_below_it_sorted_by_path()
    {
        // Given a folder with suites at two levels and a file that is not a suite
        using var dir = new TempDir();
        dir.Write("b.yaml", Valid("second"));
        dir.Write("a/nested.yml", Valid("first"));
        dir.Write("c/z.YAML", Valid("third"));
        dir.Write("notes.txt", "not yaml");

        // When the folder is loaded
        var suites = SuiteLoader.LoadAll([dir.Path]);

        // Then every suite file is read, in path order, with its path as found
        Assert.Equal(["first", "second", "third"], suites.Select(s => s.Id));
        Assert.Equal(dir.File("a/nested.yml"), suites[0].SourcePath);
        Assert.Empty(SuiteLoader.Validate([dir.Path]));
    }

    [Fact]
    public void Same_file_named_twice_is_loaded_once()
    {
        // Given a file named directly and through its folder
        using var dir = new TempDir();
        var path = dir.Write("only.yaml", Valid("only"));

        // When both are loaded
        var suites = SuiteLoader.LoadAll([path, dir.Path]);

        // Then there is one suite and no duplicate-id error
        Assert.Equal("only", Assert.Single(suites).Id);
    }

    [Fact]
    public void Duplicate_suite_ids_across_files_name_both_files()
    {
        // Given two files that declare the same id
        using var dir = new TempDir();
        var first = dir.Write("one.yaml", Valid("same"));
        var second = dir.Write("two.yaml", Valid("same"));

        // When they are validated
        var diagnostics = SuiteLoader.Validate([dir.Path]);

        // Then the second file is blamed, pointing at the first
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((second, 1, 5), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains($"suite id 'same' is already used by {first}:1:5", diagnostic.Message);
    }

    [Fact]
    public void Problems_of_all_files_and_missing_paths_come_in_one_exception()
    {
        // Given a missing path, a broken file and a valid one
        using var dir = new TempDir();
        var broken = dir.Write("broken.yaml", "id: broken\nkind: nope\ncases: []\n");
        var valid = dir.Write("valid.yaml", Valid("fine"));
        var missing = dir.File("missing.yaml");

        // When they are loaded together
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.LoadAll([missing, broken, valid]));

        // Then every problem is listed: the missing path at 0:0 with a hint, both errors of the broken file
        Assert.Collection(error.Diagnostics,
            d => Assert.Equal((missing, 0, 0, "no such file or folder"), (d.File, d.Line, d.Column, d.Message)),
            d => Assert.Equal((broken, 2, 7), (d.File, d.Line, d.Column)),
            d => Assert.Equal((broken, 3, 8), (d.File, d.Line, d.Column)));
        Assert.NotNull(error.Diagnostics[0].Hint);
    }

    [Fact]
    public void Empty_folder_is_a_diagnostic()
    {
        // Given a folder without suite files
        using var dir = new TempDir();

        // When it is validated
        var diagnostic = Assert.Single(SuiteLoader.Validate([dir.Path]));

        // Then it says so
        Assert.Equal((dir.Path, 0, 0), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains("no .yaml or .yml files", diagnostic.Message);
    }

    [Fact]
    public void LoadFile_records_the_path_as_given_and_the_digest_of_the_bytes()
    {
        // Given a suite file
        using var dir = new TempDir();
        var path = dir.Write("s.yaml", Valid("s"));

        // When it is loaded
        var suite = SuiteLoader.LoadFile(path);

        // Then path and digest identify the file
        Assert.Equal(path, suite.SourcePath);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), suite.Digest);
        Assert.Matches("^[0-9a-f]{64}$", suite.Digest);
    }
}
