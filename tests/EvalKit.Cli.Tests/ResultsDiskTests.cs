using System.Text;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>A results disk that fills up or is read-only, through the real program on stories260K.</summary>
public class ResultsDiskTests
{
    private static string ManyCases(int count)
    {
        var suite = new StringBuilder("id: many\nkind: custom\ndefaults: {max_tokens: 48}\nscorer: contains\ncases:\n");
        for (var i = 0; i < count; i++)
            suite.Append($"  - {{id: c{i}, prompt: Once upon a time number {i}, expected: [the]}}\n");
        return suite.ToString();
    }

    [Fact]
    public async Task A_full_results_disk_stops_the_run_with_a_message_naming_the_file_and_keeps_what_was_written()
    {
        using var temp = new TempDir();
        using var disk = new TmpfsFolder(sizeKib: 16);
        var suite = temp.Write("many.yaml", ManyCases(40));

        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-o", disk.Path, "--no-cache");

        Assert.True(result.ExitCode == ExitCodes.RuntimeFailure, result.Output);
        var runDir = Assert.Single(Directory.GetDirectories(disk.Path));
        Assert.Contains("Cannot write " + runDir, result.Output.Replace("\n", ""));
        Assert.Contains("The disk is full", result.Output);
        using (JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "run.json"))))
        {
        }
        var samples = SamplesReader.Read(runDir);
        Assert.InRange(samples.Count, 1, 39);
        Assert.All(File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")), line => JsonDocument.Parse(line).Dispose());
        Assert.Equal(samples.Select((_, i) => $"c{i}"), samples.Select(s => s.CaseId));
    }

    [Fact]
    public async Task A_read_only_results_folder_is_refused_before_any_model_loads()
    {
        using var temp = new TempDir();
        using var disk = new TmpfsFolder(sizeKib: 64);
        disk.MakeReadOnly();
        var suite = temp.Write("many.yaml", ManyCases(2));

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-o", disk.Path);

        Assert.True(result.ExitCode == ExitCodes.RuntimeFailure, result.Output);
        Assert.Contains("Cannot write " + disk.Path, result.Output.Replace("\n", ""));
        Assert.Contains("read-only", result.Output);
        Assert.DoesNotContain("stories260K]", result.Output); // no progress: nothing was loaded or generated
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }
}
