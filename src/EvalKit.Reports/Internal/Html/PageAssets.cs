using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace EvalKit.Reports.Internal.Html;

/// <summary>
/// The page's stylesheet and its one script: constant files compiled into the assembly, never built from data.
/// Their hashes go into the page's Content-Security-Policy, so no other script or style can run even if one got in.
/// </summary>
internal static class PageAssets
{
    public static string Css { get; } = Read("report.css");

    public static string Script { get; } = Read("report.js");

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src data:; style-src '{Hash(Css)}'; script-src '{Hash(Script)}'; base-uri 'none'; form-action 'none'";

    private static string Read(string name)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream($"EvalKit.Reports.Html.Assets.{name}")
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
