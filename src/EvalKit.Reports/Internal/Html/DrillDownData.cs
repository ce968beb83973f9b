using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EvalKit.Core.Results;

namespace EvalKit.Reports.Internal.Html;

/// <summary>
/// The drill-down's data as JSON for a <c>&lt;script type="application/json"&gt;</c> block: every case with each model's
/// answer, label and reason. Rows are arrays to keep 50,000 samples small; the page's script renders a page at a time.
/// </summary>
internal static class DrillDownData
{
    private static readonly JsonSerializerOptions _options = new()
    {
        // The default encoder family always escapes <, >, & and quotes as \uXXXX, so "</script>" cannot appear.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Json(ReportData data)
    {
        var modelIndex = data.Models.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var suites = data.Samples.GroupBy(s => s.Suite).Select(suite => new
        {
            id = suite.Key,
            kind = data.Suites.FirstOrDefault(s => s.Id == suite.Key)?.Kind.ToString().ToLowerInvariant() ?? "custom",
            labels = suite.Select(s => s.Label).Distinct().Order(StringComparer.Ordinal).ToList(),
            tags = suite.SelectMany(Tags).Distinct().Order(StringComparer.Ordinal).ToList(),
            rows = suite.GroupBy(s => (s.CaseId, s.Repeat)).Select(c => Row(c.ToList(), data.Models.Count, modelIndex)).ToList(),
        }).ToList();
        var flips = data.Comparisons.Select(c => new
        {
            suite = c.Suite,
            baseline = c.Baseline,
            candidate = c.Candidate,
            onlyBaseline = c.OnlyBaselineCases,
            onlyCandidate = c.OnlyCandidateCases,
        }).ToList();
        var json = JsonSerializer.Serialize(new { models = data.Models, suites, flips }, _options);
        return json.Replace("<", "\\u003c", StringComparison.Ordinal); // already escaped by the encoder; kept as a guarantee
    }

    /// <summary>[case id, repeat, prompt, tags, answers (one per model: [label, text, reason] or null), disagreement 0/1].</summary>
    private static object[] Row(List<SampleRecord> samples, int modelCount, Dictionary<string, int> modelIndex)
    {
        var answers = new object?[modelCount];
        foreach (var s in samples)
            answers[modelIndex[s.Model]] = new[] { s.Label, s.Completion, s.Error is null ? s.Reason ?? "" : $"request failed: {s.Error}" };
        var first = samples[0];
        var disagree = samples.Select(s => s.Label).Distinct().Count() > 1 ? 1 : 0;
        return [first.CaseId, first.Repeat, Prompt(first), Tags(first).ToList(), answers, disagree];
    }

    private static IEnumerable<string> Tags(SampleRecord s) => s.Tags.Select(t => t.Value.Length == 0 ? t.Key : $"{t.Key}={t.Value}");

    private static string Prompt(SampleRecord s) =>
        s.Prompt ?? (s.Messages is { Count: > 0 } messages ? string.Join("\n", messages.Select(m => $"{m.Role}: {m.Content}")) : s.RenderedPrompt ?? "");
}
