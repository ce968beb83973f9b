using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;

namespace EvalKit.Core.Running;

/// <summary>
/// Combines the result folders of the shards of one run (<c>evalkit run --shard K/N</c>) into a single run folder
/// with one <c>samples.jsonl</c> and metrics recomputed over all of it. Shards of different configurations (suite
/// digests, model specs or files, repeats), unfinished shards, and overlapping or missing shards are refused.
/// </summary>
public static class RunMerger
{
    /// <exception cref="EvalKitException">The shards do not make one complete run; every problem is listed.</exception>
    public static RunResult Merge(IReadOnlyList<string> shardDirectories, string outputDirectory, TimeProvider? clock = null)
    {
        var shards = shardDirectories
            .Select(path => RunDirectory.Open(path))
            .Select(directory => (Directory: directory, Manifest: directory.ReadManifest(), Samples: SamplesReader.Read(directory.Path)))
            .OrderBy(s => s.Manifest.Shard?.Index ?? 0)
            .ToList();
        if (shards.Count == 0)
            throw new EvalKitException("No shard folders to merge.", $"Pass the result folders of every shard: {Operation.Merge} shard1/RUN shard2/RUN ... {Setting.OutputFolder} merged.");

        var problems = new List<ErrorText>();
        var first = shards[0];
        foreach (var (directory, manifest, _) in shards)
        {
            if (manifest.Shard is null)
                problems.Add($"{directory.Path} is not a shard (it was run without {Setting.Shard}).");
            if (manifest.CompletedAt is null)
                problems.Add($"{directory.Path} did not finish; complete it with: {Operation.Run} {Setting.Resume} {directory.Path}");
            if (directory != first.Directory)
                problems.AddRange(Differences(first.Directory.Path, first.Manifest, directory.Path, manifest).Select(d => (ErrorText)d));
        }
        var count = first.Manifest.Shard?.Count ?? 0;
        foreach (var group in shards.Where(s => s.Manifest.Shard is not null).GroupBy(s => s.Manifest.Shard!.Index).Where(g => g.Count() > 1))
            problems.Add($"shard {group.Key}/{count} appears more than once: {string.Join(", ", group.Select(s => s.Directory.Path))}");
        for (var index = 1; index <= count; index++)
            if (shards.All(s => s.Manifest.Shard?.Index != index))
                problems.Add($"shard {index}/{count} is missing.");
        var samples = shards.SelectMany(s => s.Samples).ToList();
        foreach (var duplicate in samples.GroupBy(s => s.Key).Where(g => g.Count() > 1).Take(5))
            problems.Add($"sample {duplicate.First().Model}/{duplicate.First().Suite}/{duplicate.First().CaseId} is in more than one shard.");
        if (problems.Count == 0)
            problems.AddRange(MissingSamples(first.Manifest, samples).Select(m => (ErrorText)m));
        if (problems.Count > 0)
            throw new EvalKitException(
                $"Cannot merge these shards:{Environment.NewLine}{ErrorText.Join(Environment.NewLine, problems.Select(p => (ErrorText)$"  {p}"))}",
                $"Merge the finished result folders of every shard of one run (same suites, models and {Setting.Shard} K/N with one N).");

        return Write(shards.Select(s => s.Manifest).ToList(), samples, outputDirectory, (clock ?? TimeProvider.System).GetUtcNow());
    }

    private static RunResult Write(List<RunManifest> manifests, List<SampleRecord> samples, string outputDirectory, DateTimeOffset now)
    {
        var first = manifests[0];
        var directory = RunDirectory.CreateAt(outputDirectory);
        var modelOrder = first.ModelSpecs.Select(m => m.Name).ToList();
        var suiteOrder = first.Suites.Select(s => s.Id).ToList();
        using (var writer = new SamplesWriter(directory.Path))
        {
            // Stable order: model, then suite, then shard (samples are already in shard order).
            foreach (var sample in samples.OrderBy(s => modelOrder.IndexOf(s.Model)).ThenBy(s => suiteOrder.IndexOf(s.Suite)))
                writer.Append(sample);
        }
        var manifest = first with
        {
            RunId = directory.RunId,
            CreatedAt = manifests.Min(m => m.CreatedAt),
            CompletedAt = now,
            Shard = null,
            Models = manifests.SelectMany(m => m.Models).DistinctBy(m => m.Name).ToList(),
            MergedFrom = manifests.Select(m => m.RunId).ToList(),
        };
        directory.WriteManifest(manifest);
        var metrics = MetricsCalculator.Compute(directory.RunId, manifest.Suites, samples, modelOrder);
        metrics = metrics with { Usage = ModelUsage.From(samples, manifest.ModelSpecs) };
        directory.WriteMetrics(metrics);
        return new RunResult(directory, manifest, metrics);
    }

    private static IEnumerable<string> Differences(string firstPath, RunManifest first, string path, RunManifest other)
    {
        if (first.Shard?.Count != other.Shard?.Count)
            yield return $"{path} is shard {other.Shard} but {firstPath} is shard {first.Shard}: shards of one run share N.";
        if (Suites(first) != Suites(other))
            yield return $"{path} ran other suites than {firstPath} (suite ids or file digests differ).";
        if (Specs(first) != Specs(other))
            yield return $"{path} ran other models than {firstPath} ({Specs(other)} vs {Specs(first)}).";
        // A shard with no case for a model never loads it, so only models that both loaded are compared.
        var loaded = first.Models.ToDictionary(m => m.Name);
        if (other.Models.Any(m => loaded.TryGetValue(m.Name, out var mine) && Identity(mine) != Identity(m)))
            yield return $"{path} loaded other model files or endpoints than {firstPath} (sha256 or source differ).";
        if (first.Repeats != other.Repeats)
            yield return $"{path} has {other.Repeats} repeats but {firstPath} has {first.Repeats}.";
    }

    private static IEnumerable<string> MissingSamples(RunManifest manifest, List<SampleRecord> samples)
    {
        var counts = samples.GroupBy(s => (s.Model, s.Suite)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var model in manifest.ModelSpecs)
            foreach (var suite in manifest.Suites)
            {
                var expected = suite.Cases * manifest.Repeats;
                var found = counts.GetValueOrDefault((model.Name, suite.Id));
                if (found != expected)
                    yield return $"model '{model.Name}' has {found} of {expected} samples of suite '{suite.Id}'.";
            }
    }

    private static string Suites(RunManifest m) => string.Join(";", m.Suites.Select(s => $"{s.Id}:{s.Digest}"));

    private static string Specs(RunManifest m) => string.Join(", ", m.ModelSpecs.Select(s => s.ToString()));

    private static string Identity(ModelInfo model) => $"{model.Backend}:{model.Sha256 ?? model.Source}";
}
