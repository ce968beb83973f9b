using EvalKit.Core;
using EvalKit.Core.Datasets;
namespace EvalKit.Datasets.Internal;

/// <summary>Thrown while mapping one row; <see cref="CaseCollector"/> turns it into a <see cref="DatasetProblem"/> and goes on.</summary>
internal sealed class RowException(string message) : Exception(message);
