namespace EvalKit.Core.Datasets.Internal;

/// <summary>Thrown while mapping one row; <see cref="CaseCollector"/> turns it into a <see cref="DatasetProblem"/> and goes on.</summary>
internal sealed class RowException(string message) : Exception(message);
