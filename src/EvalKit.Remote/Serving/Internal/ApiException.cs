namespace EvalKit.Remote.Serving.Internal;

/// <summary>Thrown while reading a request that cannot be served; answered with <see cref="Error"/>.</summary>
internal sealed class ApiException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
