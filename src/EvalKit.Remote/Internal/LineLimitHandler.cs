namespace EvalKit.Remote.Internal;

/// <summary>
/// Puts every response body behind a <see cref="LineLimitedStream"/>, below the SDK's own event-stream reader
/// (which buffers a whole line before returning any of it), so a line that never ends cannot fill memory.
/// </summary>
internal sealed class LineLimitHandler(long maxLineBytes) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var original = response.Content;
        var limited = new StreamContent(new LineLimitedStream(await original.ReadAsStreamAsync(cancellationToken), maxLineBytes));
        foreach (var header in original.Headers)
            limited.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = limited;
        return response;
    }
}
