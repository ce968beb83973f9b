using Spectre.Console;
using Spectre.Console.Rendering;

namespace EvalKit.Cli.Output;

/// <summary>A progress column showing cases per second.</summary>
public sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is { } speed ? $"{speed:F1} cases/s" : "-", new Style(Color.Grey));
}
