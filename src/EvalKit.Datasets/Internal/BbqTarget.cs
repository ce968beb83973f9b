using EvalKit.Core;
using EvalKit.Core.Datasets;
namespace EvalKit.Datasets.Internal;

/// <summary>What <see cref="BbqTargets.Find"/> read from a row; indices are answer positions.</summary>
internal sealed record BbqTarget(IReadOnlyList<string> Groups, int? UnknownIndex, int? Target, string Rule, int? Biased);
