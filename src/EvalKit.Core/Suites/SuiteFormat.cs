namespace EvalKit.Core.Suites;

/// <summary>
/// A suite's <c>format:</c>. <see cref="Chat"/> sends every case as chat messages (a raw <c>prompt</c> becomes one user
/// turn); <see cref="Raw"/> says every case is a raw prompt. Without <c>format:</c> each case goes as it is written.
/// </summary>
public enum SuiteFormat
{
    Raw,
    Chat,
}
