using EvalKit.Core.Backends;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// Test hook for crash isolation: when <c>EVALKIT_FAULT_CRASH_PROMPT</c> is set, a worker that receives a prompt
/// containing that text dies on the spot (<see cref="Environment.FailFast(string)"/>), as a native llama.cpp abort
/// would. Never active unless the variable is set.
/// </summary>
public sealed class FaultInjectingBackend(IModelBackend inner, string trigger) : IModelBackend
{
    public const string Variable = "EVALKIT_FAULT_CRASH_PROMPT";

    public ModelInfo Info => inner.Info;

    public static IModelBackend Wrap(IModelBackend backend) =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } trigger ? new FaultInjectingBackend(backend, trigger) : backend;

    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var text = request.Prompt ?? string.Join("\n", request.Messages?.Select(m => m.Content) ?? []);
        if (text.Contains(trigger, StringComparison.Ordinal))
            Environment.FailFast($"{Variable}: injected crash on a prompt containing '{trigger}'");
        return inner.GenerateAsync(request, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
