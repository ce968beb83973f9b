namespace EvalKit.Core.Suites;

/// <summary>One turn of a chat prompt. <see cref="Role"/> is <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
public sealed record ChatMessage(string Role, string Content);
