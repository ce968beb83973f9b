namespace EvalKit.Core.Backends;

/// <summary>
/// Optional capability of backends whose requests are independent and may overlap, such as OpenAI-compatible
/// endpoints, where the server batches whatever is in flight. <c>run --parallel N</c> then keeps N requests in flight
/// and starts the next case as soon as any ends, so one long answer (a reasoning model's, say) never holds up the
/// cases after it. Local models decode groups of N sequences instead (<see cref="IBatchGeneration"/>).
/// <see cref="IModelBackend.GenerateAsync"/> must be safe to call concurrently.
/// </summary>
public interface IConcurrentGeneration
{
}
