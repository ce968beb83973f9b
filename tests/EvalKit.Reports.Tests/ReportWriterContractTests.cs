using EvalKit.Core;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests;

/// <summary>What every writer in the catalog promises: it creates the folder, writes non-empty files there and returns them.</summary>
public class ReportWriterContractTests
{
    public static TheoryData<string> Writers => new(ReportWriterCatalog.All.Select(w => w.Name));

    [Theory]
    [MemberData(nameof(Writers))]
    public void Writer_creates_the_folder_and_returns_the_non_empty_files_it_wrote(string name)
    {
        // Given a demo run and a folder that does not exist yet
        using var temp = new TempDir();
        var data = ReportData.FromRuns([RunData.Load(DemoRun.Write(temp.File("results")))]);
        var folder = temp.File("nested/report");

        // When the writer runs
        var files = ReportWriterCatalog.Get(name).Write(data, folder);

        // Then every returned file is in the folder, non-empty, and nothing else was written
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(Path.GetFullPath(f))));
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
        Assert.Equal(files.Select(Path.GetFileName).Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Unknown_writer_name_suggests_the_closest()
    {
        var error = Assert.Throws<EvalKitException>(() => ReportWriterCatalog.Get("junti"));

        Assert.Contains("Did you mean 'junit'", error.Message);
    }
}
