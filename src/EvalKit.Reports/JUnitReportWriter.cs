using System.Xml.Linq;
using EvalKit.Reports.Internal;
using static EvalKit.Reports.Internal.Format;

namespace EvalKit.Reports;

/// <summary>
/// <c>junit.xml</c> for CI test views: a <c>gates</c> test suite with one test case per gate, and a <c>suites</c> test
/// suite with one test case per evaluation suite, which fails when a gate failed on that suite. XML escaping comes
/// from <see cref="XDocument"/>; characters XML cannot hold at all are made visible by <see cref="XmlText"/>.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public const string FileName = "junit.xml";

    public string Name => "junit";

    public string Description => $"{FileName}: one test case per gate and per suite";

    public IReadOnlyList<string> Write(ReportData report, string outputDirectory) =>
        [OutputFolder.Write(outputDirectory, FileName, Render(report).ToString())];

    public static XDocument Render(ReportData report)
    {
        var gates = report.Gates.Select(g => Case("evalkit.gates", g.Gate.ToString(),
            g.Passed ? null : g.Summary,
            string.Join("\n", g.Checks.Select(c => (c.Passed ? "pass: " : "FAIL: ") + c.Reason).Prepend(g.Problem ?? "").Where(l => l.Length > 0))));
        var suites = report.Suites.Select(s =>
        {
            var failures = report.Gates.SelectMany(g => g.Failures.Where(f => f.Suite == s.Id).Select(f => $"{g.Gate}: {f.Reason}")).ToList();
            var metrics = report.Metrics.Where(m => m.Suite == s.Id)
                .Select(m => $"{m.Model}: {m.Metric} {Percent(m.Estimate.Value)} {Interval(m.Estimate.Low, m.Estimate.High)} n={m.Estimate.N}, {m.Errors} failed requests");
            return Case("evalkit.suites", s.Id, failures.Count == 0 ? null : string.Join("; ", failures), string.Join("\n", metrics));
        });
        return new XDocument(new XElement("testsuites", new XAttribute("name", "evalkit"),
            Suite("gates", gates.ToList()), Suite("suites", suites.ToList())));
    }

    private static XElement Suite(string name, IReadOnlyList<XElement> cases) =>
        new("testsuite",
            new XAttribute("name", XmlText.Clean(name)),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", 0),
            cases);

    private static XElement Case(string className, string name, string? failure, string output) =>
        new("testcase",
            new XAttribute("classname", className),
            new XAttribute("name", XmlText.Clean(name)),
            failure is null ? null : new XElement("failure", new XAttribute("message", XmlText.Clean(failure)), XmlText.Clean(failure)),
            output.Length == 0 ? null : new XElement("system-out", XmlText.Clean(output)));
}
