using System.Globalization;
using System.Text;
using static EvalKit.Reports.Internal.Html.HtmlText;

namespace EvalKit.Reports.Internal.Html;

/// <summary>What reproduces each run: models with hashes and details, suites with digests and parameters, host, version.</summary>
internal static class ManifestSection
{
    public static void Write(StringBuilder html, ReportData data)
    {
        html.AppendLine("<section id=\"manifest\"><h2>Manifest</h2>");
        foreach (var run in data.Runs)
        {
            var m = run.Manifest;
            var h = m.Host;
            html.AppendLine($"<details open><summary>Run <code>{E(run.RunId)}</code></summary>");
            Table(html, "facts", ["", ""],
            [
                ["EvalKit version", E(m.EvalkitVersion)],
                ["created", E(m.CreatedAt.ToString("u", CultureInfo.InvariantCulture))],
                ["completed", E(m.CompletedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "not completed")],
                ["repeats", m.Repeats.ToString(CultureInfo.InvariantCulture)],
                ["hardware", E($"{h.Cpu}; {h.LogicalCores} logical cores; {h.MemoryGib.ToString(CultureInfo.InvariantCulture)} GiB; {h.Architecture}")],
                ["software", E($"{h.Os}; {h.Dotnet}")],
                ["samples", run.Samples.Count.ToString(CultureInfo.InvariantCulture)],
            ]);
            var models = m.Models.Count > 0
                ? m.Models.Select(x => new[] { E(x.Name), E(x.Backend), E(x.Source), $"<code>{E(x.Sha256 ?? "–")}</code>", Details(x.Details) })
                : m.ModelSpecs.Select(x => new[] { E(x.Name), "–", E(x.Source), "–", "not loaded" });
            Table(html, "models", ["model", "backend", "source", "SHA-256", "details"], models);
            Table(html, "suites", ["suite", "kind", "cases", "file", "digest", "scorer", "generation"], m.Suites.Select(s => new[]
            {
                E(s.Id), E(s.Kind.ToString().ToLowerInvariant()), s.Cases.ToString(CultureInfo.InvariantCulture), E(s.Path),
                $"<code>{E(s.Digest)}</code>",
                E(s.Scorer.Type) + Details(s.Scorer.Options),
                E(FormattableString.Invariant($"max_tokens={s.Defaults.MaxTokens} temperature={s.Defaults.Temperature} top_p={s.Defaults.TopP} seed={s.Defaults.Seed}")
                    + (s.Defaults.Stop.Count > 0 ? $" stop=[{string.Join(", ", s.Defaults.Stop)}]" : "")),
            }));
            html.AppendLine("</details>");
        }
        html.AppendLine("</section>");
    }

    private static string Details(IReadOnlyDictionary<string, string> details) =>
        details.Count == 0 ? "" : "<ul class=\"kv\">" + string.Concat(details.Select(d => $"<li>{E(d.Key)}: {E(d.Value)}</li>")) + "</ul>";
}
