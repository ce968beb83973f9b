using System.ComponentModel;
using EvalKit.Caching;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>Options shared by the <c>evalkit cache</c> commands.</summary>
public abstract class CacheSettings : CommandSettings
{
    [CommandOption("--cache-dir <DIR>")]
    [Description("Folder holding responses.sqlite. Default: $EVALKIT_CACHE_DIR, else .cache in the working directory (as evalkit run uses).")]
    public string? CacheDirectory { get; init; }

    public string CachePath => ResponseCache.DefaultPath(CacheDirectory);
}
