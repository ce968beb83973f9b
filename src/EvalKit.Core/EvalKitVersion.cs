using System.Reflection;

namespace EvalKit.Core;

/// <summary>The version recorded in every manifest and benchmark result.</summary>
public static class EvalKitVersion
{
    public static string Current { get; } =
        typeof(EvalKitVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(EvalKitVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
