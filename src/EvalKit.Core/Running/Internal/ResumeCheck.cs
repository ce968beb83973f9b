using EvalKit.Core.Backends;
using EvalKit.Core.Results;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Refuses to resume a run whose configuration changed since it started (a different suite file, another
/// model), since mixing samples from two configurations would give a number that describes neither.
/// </summary>
internal static class ResumeCheck
{
    public static void EnsureSameConfiguration(RunDirectory directory, RunManifest recorded, RunRequest request)
    {
        var changes = new List<ErrorText>();
        if (recorded.Repeats != request.Repeats)
            changes.Add($"repeats changed: {recorded.Repeats} → {request.Repeats}");
        var recordedSuites = recorded.Suites.ToDictionary(s => s.Id);
        foreach (var suite in request.Suites)
        {
            if (!recordedSuites.Remove(suite.Id, out var before))
                changes.Add($"suite '{suite.Id}' was not part of the run");
            else if (before.Digest != suite.Digest)
                changes.Add($"suite '{suite.Id}' changed ({before.Path}: digest {Short(before.Digest)} → {Short(suite.Digest)})");
            else if (before.Judge?.RubricDigest != suite.Judge?.RubricDigest)
                changes.Add($"suite '{suite.Id}' judge rubric changed: {Short(before.Judge?.RubricDigest)} → {Short(suite.Judge?.RubricDigest)}");
        }
        changes.AddRange(recordedSuites.Keys.Select(id => (ErrorText)$"suite '{id}' is missing now"));

        var recordedModels = recorded.ModelSpecs.ToDictionary(m => m.Name);
        foreach (var model in request.Models)
        {
            if (!recordedModels.Remove(model.Name, out var before))
                changes.Add($"model '{model.Name}' was not part of the run");
            else if (before.Source != model.Source)
                changes.Add($"model '{model.Name}' source changed: {before.Source} → {model.Source}");
            else if (!Equals(before.Settings ?? ModelSettings.None, model.Settings ?? ModelSettings.None))
                changes.Add($"model '{model.Name}' settings changed (evalkit.yaml or {Setting.ModelOption})");
        }
        changes.AddRange(recordedModels.Keys.Select(name => (ErrorText)$"model '{name}' is missing now"));
        if (recorded.Shard != request.Shard)
            changes.Add($"shard changed: {recorded.Shard?.ToString() ?? "all cases"} → {request.Shard?.ToString() ?? "all cases"}");
        Throw(directory, changes);
    }

    /// <summary>After loading: the model file must be the one the run started with.</summary>
    public static void EnsureSameModel(RunDirectory directory, RunManifest recorded, ModelInfo loaded)
    {
        var before = recorded.Models.FirstOrDefault(m => m.Name == loaded.Name);
        if (before is not null && before.Sha256 != loaded.Sha256)
            Throw(directory, [$"model '{loaded.Name}' file changed: sha256 {Short(before.Sha256)} → {Short(loaded.Sha256)}"]);
    }

    private static void Throw(RunDirectory directory, List<ErrorText> changes)
    {
        if (changes.Count == 0)
            return;
        throw new EvalKitException(
            $"Cannot resume {directory.Path}: its configuration changed since it started:{Environment.NewLine}"
            + $"{ErrorText.Join(Environment.NewLine, changes.Select(c => (ErrorText)$"  {c}"))}",
            $"Restore the original suites and models, or start a new run without {Setting.Resume}.");
    }

    private static string Short(string? digest) => digest is null ? "none" : digest[..Math.Min(12, digest.Length)];
}
