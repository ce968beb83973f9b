using System.Security.Cryptography;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads <c>judge: {model, rubric, max_tokens}</c> and finds the rubric file.</summary>
internal static class JudgeBuilder
{
    public const string AnswerPlaceholder = "{{answer}}";
    private const long MaxRubricBytes = 1024 * 1024;
    private static readonly string[] _keys = ["model", "rubric", "max_tokens"];

    public static JudgeSpec? Build(YamlNode node, DiagnosticBag bag)
    {
        if (YamlFields.Read(node, "judge", _keys, bag) is not { } fields)
            return null;
        var before = bag.Count;
        var modelNode = fields.Required("model", bag, "the name the run gives the judging model, e.g. 'model: teacher'");
        var rubricNode = fields.Required("rubric", bag, "a rubric prompt file, e.g. 'rubric: rubrics/default-v1.md'");
        var model = modelNode is null ? null : YamlValues.Text(modelNode, "model", bag);
        var rubric = rubricNode is null ? null : YamlValues.Text(rubricNode, "rubric", bag);
        var maxTokens = fields.Optional("max_tokens") is { } m ? YamlValues.PositiveInt(m, "max_tokens", bag) : JudgeSpec.DefaultMaxTokens;
        if (rubric is null || model is null || bag.Count != before)
            return null;
        if (Find(rubric, bag.File) is not { } path)
        {
            bag.Add(rubricNode!, $"rubric file '{rubric}' not found beside the suite file or in any folder above it",
                "rubrics live in the repository's rubrics/ folder, e.g. 'rubric: rubrics/default-v1.md'");
            return null;
        }
        var bytes = new FileInfo(path).Length <= MaxRubricBytes ? File.ReadAllBytes(path) : null;
        if (bytes is null || !System.Text.Encoding.UTF8.GetString(bytes).Contains(AnswerPlaceholder, StringComparison.Ordinal))
        {
            bag.Add(rubricNode!, $"rubric {path} must be a text file under 1 MiB that contains {AnswerPlaceholder}",
                "the judge prompt places the graded answer at {{answer}} (and may use {{question}}, {{expected}})");
            return null;
        }
        return new JudgeSpec
        {
            Model = model,
            Rubric = rubric,
            RubricPath = path,
            RubricDigest = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            MaxTokens = maxTokens ?? JudgeSpec.DefaultMaxTokens,
        };
    }

    /// <summary>The rubric relative to the suite's folder, else to each folder above it (so the repository root's rubrics/ is found).</summary>
    private static string? Find(string rubric, string suiteFile)
    {
        if (Path.IsPathRooted(rubric))
            return File.Exists(rubric) ? rubric : null;
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(suiteFile))!); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, rubric);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
