namespace EvalKit.Remote.Internal;

/// <summary>
/// The server answered with a web page (a proxy's error page, a login page, a wrong URL) instead of an OpenAI
/// response. Not transient: the same URL gives the same page, so it is not retried.
/// </summary>
internal sealed class NotAnEventStreamException(string contentType) : Exception(
    $"the server answered {contentType.Split(';')[0].Trim()}, not an OpenAI-compatible JSON/event stream "
    + "(is the URL right? It should be the API's base, usually ending in /v1; a proxy or login page answers with HTML)")
{
}
