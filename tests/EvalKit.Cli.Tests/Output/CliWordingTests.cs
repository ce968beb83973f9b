using EvalKit.Cli.Internal;
using EvalKit.Cli.Output;
using EvalKit.Core;

namespace EvalKit.Cli.Tests.Output;

/// <summary>The CLI words every setting and operation Core errors can name as one of its real options and commands.</summary>
public sealed class CliWordingTests
{
    [Fact]
    public void Every_setting_is_an_option_and_every_operation_a_command_of_the_command_tree()
    {
        // Given the options and commands the CLI has
        EvalKitApp.Create([], null, out var commands);
        var options = commands.Values.SelectMany(CommandLineErrors.Options).SelectMany(o => o.Names).Select(n => "--" + n).ToHashSet();

        // Then each setting is worded as one of those options, each operation as 'evalkit COMMAND'
        Assert.All(Enum.GetValues<Setting>(), setting => Assert.Contains(CliWording.Word(setting), options));
        Assert.All(Enum.GetValues<Operation>(), operation =>
            Assert.Contains(CliWording.Word(operation)["evalkit ".Length..], commands.Keys));
        Assert.All(Enum.GetValues<Operation>(), operation => Assert.StartsWith("evalkit ", CliWording.Word(operation)));
    }
}
