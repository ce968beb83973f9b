using EvalKit.Core.Backends;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// Test hook for crash isolation: when <c>EVALKIT_FAULT_CRASH_PROMPT</c> is set, a worker that receives a prompt
/// containing that text dies on the spot (<see cref="Environment.FailFast(string)"/>), as a native llama.cpp abort
/// would. When <c>EVALKIT_FAULT_WORKER_EXIT</c> is set to a number, a worker exits with that code before loading
/// anything, as a runtime library that calls exit() does (libgomp's "Thread creation failed" exits with 1).
/// Never active unless a variable is set.
/// </summary>
public sealed class FaultInjectingBackend(IModelBackend inner, string trigger) : IModelBackend
{
    public const string Variable = "EVALKIT_FAULT_CRASH_PROMPT";
    public const string ExitVariable = "EVALKIT_FAULT_WORKER_EXIT";

    public ModelInfo Info => inner.Info;

    public static IModelBackend Wrap(IModelBackend backend) =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } trigger ? new FaultInjectingBackend(backend, trigger) : backend;

    public static void ExitEarlyIfAsked()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(ExitVariable), out var code))
            return;
        Console.Error.WriteLine($"{ExitVariable}: injected exit with code {code}");
        Console.Error.Flush();
        Environment.Exit(code);
    }

    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var text = request.Prompt ?? string.Join("\n", request.Messages?.Select(m => m.Content) ?? []);
        if (text.Contains(trigger, StringComparison.Ordinal))
            Environment.FailFast($"{Variable}: injected crash on a prompt containing '{trigger}'");
        return inner.GenerateAsync(request, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
