using System.Xml.Linq;
using EvalKit.Reports.Gates;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests;

public class JUnitReportWriterTests
{
    [Fact]
    public void Junit_has_a_test_case_per_gate_and_per_suite_with_failures_where_gates_failed()
    {
        // Given the demo run with one passing and one failing gate
        using var temp = new TempDir();
        var data = ReportData.FromRuns([RunData.Load(DemoRun.Write(temp.File("results")))]);
        data = data with { Gates = GateEvaluator.Evaluate([GateSpec.FailIf("accuracy < 0.4"), GateSpec.FailIf("demo-accuracy.accuracy < 0.7")], data) };

        // When junit.xml is written
        var path = Assert.Single(new JUnitReportWriter().Write(data, temp.File("report")));
        var xml = XDocument.Load(path);

        // Then gates and suites are test cases, and the failed gate fails its suite too
        var gates = xml.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "gates");
        Assert.Equal(["fail if accuracy < 0.4", "fail if demo-accuracy.accuracy < 0.7"], gates.Elements("testcase").Select(c => (string?)c.Attribute("name")));
        Assert.Equal("1", (string?)gates.Attribute("failures"));
        Assert.Contains("student on demo-accuracy", (string?)gates.Elements("testcase").Last().Element("failure")?.Attribute("message"));
        var suites = xml.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "suites");
        Assert.Equal(5, suites.Elements("testcase").Count());
        Assert.Equal(["demo-accuracy"], suites.Elements("testcase").Where(c => c.Element("failure") is not null).Select(c => (string?)c.Attribute("name")));
    }
}
