using System.Text.RegularExpressions;
using EvalKit.Core;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>The YAML shape of a <c>*.fixture.yaml</c> file, as written; checked by <see cref="FixtureSpec.Load(string)"/>.</summary>
internal sealed partial class FixtureSpecDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string>? Suites { get; set; }
    public Dictionary<string, Dictionary<string, string?>>? Responses { get; set; }
    public List<PairDocument?>? Pairs { get; set; }

    internal sealed class PairDocument
    {
        public string? Prompt { get; set; }
        public string? Response { get; set; }
        public List<string>? Tokens { get; set; }
    }

    private static readonly IDeserializer _deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static FixtureSpecDocument Parse(string yaml, string path)
    {
        try
        {
            return _deserializer.Deserialize<FixtureSpecDocument?>(yaml)
                ?? throw new EvalKitException($"{path}: the fixture spec is empty.", "A fixture spec needs 'pairs:' or 'suites:' with 'responses:'; see docs/fixtures.md.");
        }
        catch (YamlException error)
        {
            var where = $"{path}:{error.Start.Line}:{error.Start.Column}";
            var message = (error.InnerException ?? error).Message;
            if (UnknownProperty().Match(message) is { Success: true } match)
                throw new EvalKitException($"{where}: unknown key '{match.Groups[1].Value}'.",
                    "A fixture spec has the keys name, description, suites, responses and pairs (each pair: prompt, and response or tokens); see docs/fixtures.md.", inner: error);
            throw new EvalKitException($"{where}: {message}", "Check the YAML at that position; the format is in docs/fixtures.md.", inner: error);
        }
    }

    [GeneratedRegex("Property '([^']+)' not found")]
    private static partial Regex UnknownProperty();
}
