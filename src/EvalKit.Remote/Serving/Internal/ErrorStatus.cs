using EvalKit.Core;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>The one map from error kinds to the HTTP status <c>evalkit serve</c> answers with.</summary>
internal static class ErrorStatus
{
    public static int Of(ErrorKind kind) => kind switch
    {
        // A prompt longer than the context, an empty prompt: the request's fault, not the server's.
        ErrorKind.BadInput => StatusCodes.Status400BadRequest,
        // The server is stopping.
        ErrorKind.Cancelled => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
