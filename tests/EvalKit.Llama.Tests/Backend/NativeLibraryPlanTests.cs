using EvalKit.Core;
using EvalKit.Llama.Internal;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Backend;

public sealed class NativeLibraryPlanTests
{
    private static readonly string LlamaFile = OperatingSystem.IsWindows() ? "llama.dll" : "libllama.so";
    private static readonly string Rid = OperatingSystem.IsWindows() ? "win-x64" : "linux-x64";

    [Fact]
    public void Cuda_without_a_bundled_cuda_build_says_how_to_get_one()
    {
        using var app = new TempDir();

        var error = Assert.Throws<EvalKitException>(() => NativeLibraryPlan.Create(LlamaDevice.Cuda, null, app.Path, () => true));

        Assert.Contains("no CUDA llama.cpp library", error.Message);
        Assert.Contains("-p:EvalKitCuda=12", error.Hint);
        Assert.Contains("native library folder", error.Hint);
    }

    [Fact]
    public void Cuda_with_a_bundled_build_but_no_driver_is_refused()
    {
        using var app = BundledCuda12();

        var error = Assert.Throws<EvalKitException>(() => NativeLibraryPlan.Create(LlamaDevice.Cuda, null, app.Path, () => false));

        Assert.Contains("no NVIDIA driver", error.Message);
    }

    [Fact]
    public void Cuda_with_a_bundled_build_and_a_driver_asks_for_that_build()
    {
        using var app = BundledCuda12();

        var plan = NativeLibraryPlan.Create(LlamaDevice.Cuda, null, app.Path, () => true);

        Assert.True(plan.UseCuda);
        Assert.Equal("cuda12", plan.CudaName);
    }

    [Fact]
    public void Auto_without_cuda_plans_the_cpu_and_notes_why()
    {
        using var app = new TempDir();

        var plan = NativeLibraryPlan.Create(LlamaDevice.Auto, null, app.Path, () => true);

        Assert.False(plan.UseCuda);
        Assert.Equal("cuda not available", plan.Note);
        Assert.Equal("cpu-avx2 (cuda not available)", new LlamaNativeLibrary("cpu-avx2", false, null, plan.Note).ToString());
    }

    [Fact]
    public void Auto_with_cuda_and_a_driver_plans_cuda()
    {
        using var app = BundledCuda12();

        Assert.True(NativeLibraryPlan.Create(LlamaDevice.Auto, null, app.Path, () => true).UseCuda);
    }

    [Fact]
    public void Native_library_folder_without_libllama_is_refused()
    {
        using var folder = new TempDir();

        var error = Assert.Throws<EvalKitException>(() => NativeLibraryPlan.Create(LlamaDevice.Cpu, folder.Path, folder.Path, () => false));

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains(LlamaFile, error.Message);
    }

    [Fact]
    public void Native_library_folder_with_libllama_uses_that_file()
    {
        using var folder = new TempDir();
        var library = folder.Write(LlamaFile, "");

        var plan = NativeLibraryPlan.Create(LlamaDevice.Cuda, folder.Path, folder.Path, () => false);

        Assert.Equal(library, plan.LibraryPath);
    }

    private static TempDir BundledCuda12()
    {
        var app = new TempDir();
        app.Write(Path.Combine("runtimes", Rid, "native", "cuda12", LlamaFile), "");
        return app;
    }
}
