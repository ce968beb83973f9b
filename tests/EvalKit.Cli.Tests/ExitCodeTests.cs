using System.Reflection;
using System.Text.RegularExpressions;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>Every command follows the one exit-code table of docs/exit-codes.md.</summary>
public partial class ExitCodeTests
{
    /// <summary>Per command, input that is wrong in a way the command itself checks (not only the parser): a missing file, an unknown name.</summary>
    private static readonly Dictionary<string, string[]> BadInput = new()
    {
        ["run"] = ["run", "--suite", "missing.yaml", "--model", "x=missing.gguf"],
        ["bench"] = ["bench", "missing.gguf", "-p", "8", "-n", "0", "--eval-parallel", "0"],
        ["serve"] = ["serve", "missing.gguf"],
        ["merge"] = ["merge", "missing-a", "missing-b", "-o", "merged"],
        ["list"] = ["list", "missing"],
        ["info"] = ["info", "missing.gguf"],
        ["fixtures build"] = ["fixtures", "build", "missing.fixture.yaml", "-o", "f.gguf"],
        ["fixtures synth"] = ["fixtures", "synth", "--shape", "no-such-shape", "-o", "s.gguf"],
        ["cache stats"] = ["cache", "stats", "extra"],
        ["cache prune"] = ["cache", "prune", "--older-than", "soon"],
        ["validate"] = ["validate", "missing.yaml"],
        ["fidelity"] = ["fidelity", "--teacher", "missing-t.gguf", "--student", "missing-s.gguf", "--text", "missing.txt"],
        ["import"] = ["import", "no-such-format", "missing.jsonl", "-o", "s.yaml"],
        ["report"] = ["report", "missing-run"],
        ["compare"] = ["compare", "missing-a", "missing-b"],
    };

    public static TheoryData<string> Commands => new(BadInput.Keys);

    [Fact]
    public void The_theory_covers_every_registered_command()
    {
        EvalKitApp.Create([], null, out var commands);

        Assert.Equal(commands.Keys.Order(), BadInput.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Bad_input_exits_with_the_documented_code_and_no_stack_trace(string command)
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, BadInput[command]);

        Assert.True(result.ExitCode == DocumentedCode("bad input"), $"{command}: {result.ExitCode}\n{result.Output}");
        Assert.DoesNotContain("internal error", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public void The_table_lists_every_exit_code_EvalKit_has()
    {
        var table = ExitCodeTable();
        var constants = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(), table.Keys.Order());
        Assert.Equal(ExitCodes.Ok, DocumentedCode("ok"));
        Assert.Equal(ExitCodes.GateFailed, DocumentedCode("gate failed"));
        Assert.Equal(ExitCodes.BadInput, DocumentedCode("bad input"));
        Assert.Equal(ExitCodes.RuntimeFailure, DocumentedCode("runtime failure"));
        Assert.Equal(ExitCodes.Cancelled, DocumentedCode("cancelled"));
    }

    /// <summary>The code docs/exit-codes.md gives for a meaning (the bold word of its row).</summary>
    private static int DocumentedCode(string meaning) => ExitCodeTable().Single(row => row.Value == meaning).Key;

    private static Dictionary<int, string> ExitCodeTable() =>
        Row().Matches(File.ReadAllText(RepositoryPaths.Combine("docs", "exit-codes.md")))
            .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);

    [GeneratedRegex(@"^\| `(\d+)` \| \*\*([^*]+)\*\* \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
