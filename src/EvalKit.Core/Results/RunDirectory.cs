using System.Text.Json;
using EvalKit.Core.Metrics;

namespace EvalKit.Core.Results;

/// <summary>
/// One run's folder, <c>results/&lt;run-id&gt;/</c>: <c>run.json</c>, <c>samples.jsonl</c>, <c>metrics.json</c>.
/// Run ids carry a random suffix and the folder is claimed exclusively, so concurrent runs never share one.
/// </summary>
public sealed class RunDirectory
{
    private RunDirectory(string path, string runId)
    {
        Path = path;
        RunId = runId;
    }

    public string Path { get; }

    public string RunId { get; }

    public string SamplesPath => System.IO.Path.Combine(Path, SamplesWriter.FileName);

    /// <summary>
    /// Creates <c>results/&lt;run-id&gt;/</c> holding <paramref name="manifest"/>'s run.json. The folder is filled
    /// under a hidden staging name and renamed into place, so a run folder never exists without its manifest.
    /// </summary>
    public static RunDirectory CreateNew(string resultsRoot, DateTimeOffset now, Func<string, RunManifest> manifest)
    {
        try
        {
            Directory.CreateDirectory(resultsRoot);
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var runId = $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
                var path = System.IO.Path.Combine(resultsRoot, runId);
                var staging = System.IO.Path.Combine(resultsRoot, $".staging-{runId}");
                if (Directory.Exists(path) || Directory.Exists(staging))
                    continue;
                Directory.CreateDirectory(staging);
                if (!TryClaim(staging))
                    continue;
                new RunDirectory(staging, runId).WriteManifest(manifest(runId));
                Directory.Move(staging, path);
                return new RunDirectory(path, runId);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.CannotWrite(resultsRoot, ex);
        }
        throw new EvalKitException($"Could not create a unique run folder under {resultsRoot}.");
    }

    /// <summary>
    /// Creating <c>samples.jsonl</c> exclusively is what makes the folder ours (creating a folder is not exclusive:
    /// two runs could both "create" the same one); it also proves the folder is writable before any model loads.
    /// </summary>
    private static bool TryClaim(string path)
    {
        var samples = System.IO.Path.Combine(path, SamplesWriter.FileName);
        try
        {
            new FileStream(samples, FileMode.CreateNew, FileAccess.Write).Dispose();
            return true;
        }
        catch (IOException) when (File.Exists(samples))
        {
            return false;
        }
    }

    /// <summary>Creates the run folder at exactly <paramref name="path"/> (where a merge writes); it must not hold files yet.</summary>
    public static RunDirectory CreateAt(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            throw new EvalKitException($"{path} already exists and is not empty.", $"Pass a new folder with {Setting.OutputFolder}, or remove that one.");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.CannotWrite(path, ex);
        }
        return new RunDirectory(path, System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path))));
    }

    public static RunDirectory Open(string path)
    {
        if (!Directory.Exists(path))
            throw Errors.PathNotFound("Run folder", path, $"A run folder holds {RunManifest.FileName}; pass a folder under results/.");
        if (!File.Exists(System.IO.Path.Combine(path, RunManifest.FileName)))
            throw new EvalKitException($"{path} is not a run folder: it has no {RunManifest.FileName}.",
                $"Pass a folder written by '{Operation.Run}' (results/<run-id>); a run folder without run.json cannot be read or resumed.");
        return new RunDirectory(path, System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path)));
    }

    /// <summary>
    /// Held by the one process writing samples: a second writer (say, two resumes of the same run) is refused
    /// instead of interleaving lines. The operating system releases it when the holder dies, even by SIGKILL.
    /// </summary>
    public IDisposable AcquireWriterLock()
    {
        var path = System.IO.Path.Combine(Path, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new EvalKitException(
                $"Another EvalKit process is writing to {Path} right now ({ex.Message}).",
                $"Wait for it to finish (or stop it), then resume with '{Operation.Run} {Setting.Resume} {Path}'.");
        }
    }

    public void WriteManifest(RunManifest manifest) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, RunManifest.FileName), JsonSerializer.Serialize(manifest, JsonDefaults.Indented));

    public RunManifest ReadManifest()
    {
        var file = System.IO.Path.Combine(Path, RunManifest.FileName);
        try
        {
            var manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(file), JsonDefaults.Indented)
                ?? throw new JsonException("empty manifest");
            if (manifest.SchemaVersion > RunManifest.CurrentSchemaVersion)
                throw new EvalKitException($"{file} was written by a newer EvalKit (schema {manifest.SchemaVersion}).", "Upgrade EvalKit to read it.");
            return manifest;
        }
        catch (JsonException ex)
        {
            throw new EvalKitException($"{file} is not a valid run manifest: {ex.Message}", "Was the file edited by hand or cut short?");
        }
    }

    public MetricsReport ReadMetrics()
    {
        var file = System.IO.Path.Combine(Path, MetricsReport.FileName);
        try
        {
            return JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(file), JsonDefaults.Indented)
                ?? throw new JsonException("empty metrics");
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new EvalKitException($"Cannot read {file}: {ex.Message}", $"Finish the run with '{Operation.Run} {Setting.Resume} {Path}'.");
        }
    }

    public void WriteMetrics(MetricsReport metrics) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, MetricsReport.FileName), JsonSerializer.Serialize(metrics, JsonDefaults.Indented));
}
