using System.Xml.Linq;
using EvalKit.Core;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>Names from results holding control characters neither break junit.xml nor reach the terminal raw.</summary>
public class HostileNameTests
{
    private const string Hostile = "ctl\u001b[31mRED\u0007\u202e";

    [Fact]
    public async Task Report_and_compare_of_a_model_named_with_control_characters_write_valid_junit_and_clean_output()
    {
        // Given runs whose student model is named with an escape sequence, a bell and a right-to-left override
        using var temp = new TempDir();
        var baseline = DemoRun.Write(temp.File("results"), student: Hostile);
        var candidate = DemoRun.Write(temp.File("results"), student: Hostile);

        // When they are reported and compared with a gate that names every model
        var report = await EvalKitProcess.RunAsync(temp.Path, "report", candidate, "-o", "rep", "--fail-if", "accuracy < 0.99");
        var compare = await EvalKitProcess.RunAsync(temp.Path, "compare", baseline, candidate, "-o", "cmp");

        // Then both complete (the gate fails as a gate), junit.xml parses and shows the name visibly, and the terminal gets no control character
        Assert.True(report.ExitCode == ExitCodes.GateFailed, report.Output);
        Assert.True(compare.ExitCode == ExitCodes.Ok, compare.Output);
        foreach (var file in new[] { "rep/junit.xml", "cmp/junit.xml" })
        {
            var junit = XDocument.Load(temp.File(file));
            Assert.Contains("ctl\\x1b[31mRED\\x07", junit.ToString());
        }
        foreach (var output in new[] { report.Output, compare.Output })
        {
            Assert.DoesNotContain('\u001b', output);
            Assert.DoesNotContain('\u0007', output);
            Assert.DoesNotContain('\u202e', output);
            Assert.DoesNotContain("   at ", output);
        }
        Assert.Contains("ctl\\x1b[31mRED\\x07\\u202e", compare.Stdout);
    }
}
