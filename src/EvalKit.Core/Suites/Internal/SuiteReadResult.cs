using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>The outcome of reading one suite file: the suite when it is valid, and every problem found.</summary>
internal sealed record SuiteReadResult(string File, Suite? Suite, YamlScalarNode? IdNode, IReadOnlyList<SuiteDiagnostic> Diagnostics);
