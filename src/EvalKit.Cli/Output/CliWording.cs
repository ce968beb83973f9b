using EvalKit.Core;

namespace EvalKit.Cli.Output;

/// <summary>How the CLI words the settings and operations that errors name: as its options and commands.</summary>
public static class CliWording
{
    public static string Word(Enum term) => term switch
    {
        Setting.OutputFolder => "--out",
        Setting.Resume => "--resume",
        Setting.MaxCost => "--max-cost",
        Setting.Shard => "--shard",
        Setting.Model => "--model",
        Setting.Judge => "--judge",
        Setting.ModelOption => "--model-option",
        Setting.NoCache => "--no-cache",
        Setting.FewShot => "--fewshot",
        Setting.FewShotFrom => "--fewshot-from",
        Setting.PromptShape => "--as",
        Setting.UnsafeCode => "--unsafe-code",
        Operation.Run => "evalkit run",
        Operation.Validate => "evalkit validate",
        Operation.Import => "evalkit import",
        Operation.Merge => "evalkit merge",
        _ => term.ToString(),
    };

    public static string Message(EvalKitException error) => error.Text.Render(Word);

    public static string? Hint(EvalKitException error) => error.HintText?.Render(Word);
}
