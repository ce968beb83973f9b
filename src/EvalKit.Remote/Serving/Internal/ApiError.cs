using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>An OpenAI-style error answer: <c>{"error": {"message", "type", "param", "code"}}</c> with its HTTP status.</summary>
internal sealed record ApiError(int Status, string Message, string? Param = null, string? Code = null)
{
    public static ApiError BadRequest(string message, string? param = null) => new(StatusCodes.Status400BadRequest, message, param);

    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["message"] = Message,
            ["type"] = Status >= 500 ? "server_error" : "invalid_request_error",
            ["param"] = Param,
            ["code"] = Code,
        };
        return response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(), response.HttpContext.RequestAborted);
    }
}
