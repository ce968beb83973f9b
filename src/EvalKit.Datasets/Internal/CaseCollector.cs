using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Gathers the cases of one import: stops at the row limit, turns a failed row into a problem, refuses duplicate
/// ids, and keeps at most <see cref="MaxProblems"/> problems so that a file of garbage cannot fill memory.
/// </summary>
internal sealed class CaseCollector(DatasetImportOptions options)
{
    public const int MaxProblems = 1000;

    private readonly List<EvalCase> _cases = [];
    private readonly List<DatasetProblem> _problems = [];
    private readonly List<string> _files = [];
    private readonly Dictionary<string, string> _firstUse = new(StringComparer.Ordinal);
    private int _unlisted;

    /// <summary>True once the row limit is reached: readers stop reading.</summary>
    public bool Full => options.Limit is { } limit && _cases.Count >= limit;

    public ColumnMapping? Mapping => options.Mapping;

    /// <summary>Records that <paramref name="path"/> is read (for the suite digest); returns it.</summary>
    public string Reading(string path)
    {
        _files.Add(path);
        return path;
    }

    /// <summary>
    /// Maps one row; a <see cref="RowException"/> from <paramref name="build"/> becomes a problem. Rows of a JSON
    /// array have no known line and give their 1-based <paramref name="item"/> number instead.
    /// </summary>
    public void Add(string file, long line, Func<EvalCase> build, long item = 0)
    {
        var where = item > 0 ? $"item {item}" : $"line {line}";
        var prefix = item > 0 ? $"item {item}: " : "";
        EvalCase evalCase;
        try
        {
            evalCase = build();
        }
        catch (RowException e)
        {
            Problem(file, line, prefix + e.Message);
            return;
        }
        if (_firstUse.TryGetValue(evalCase.Id, out var first))
        {
            Problem(file, line, $"{prefix}duplicate id '{evalCase.Id}' (first used at {first}); the row is skipped");
            return;
        }
        _firstUse[evalCase.Id] = $"{Path.GetFileName(file)} {where}";
        _cases.Add(evalCase);
    }

    public void Problem(string file, long line, string message)
    {
        if (_problems.Count < MaxProblems)
            _problems.Add(new DatasetProblem(file, line, message));
        else
            _unlisted++;
    }

    public DatasetImportResult Result()
    {
        var problems = _problems.ToList();
        if (_unlisted > 0)
            problems.Add(new DatasetProblem(_files.LastOrDefault() ?? "", 0, $"{_unlisted} more problem(s) not listed"));
        return new DatasetImportResult(_cases, problems, _files);
    }
}
