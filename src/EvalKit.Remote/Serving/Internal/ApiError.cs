using System.Text.Json;
using EvalKit.Remote.Wire;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>An OpenAI-style error answer: <c>{"error": {"message", "type", "param", "code"}}</c> with its HTTP status.</summary>
internal sealed record ApiError(int Status, string Message, string? Param = null, string? Code = null)
{
    public static ApiError BadRequest(string message, string? param = null) => new(StatusCodes.Status400BadRequest, message, param);

    /// <summary>The error as the wire writes it, as a body or inside a stream.</summary>
    public WireResponse Body => new() { Error = new WireError(Message, Status >= 500 ? "server_error" : "invalid_request_error", Param, Code) };

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(response.Body, Body, WireJson.Default.WireResponse, response.HttpContext.RequestAborted);
    }
}
