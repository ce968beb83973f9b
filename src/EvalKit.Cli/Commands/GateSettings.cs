using System.ComponentModel;
using EvalKit.Reports;
using EvalKit.Reports.Gates;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>Quality-gate and output options shared by <c>report</c> and <c>compare</c>.</summary>
public abstract class GateSettings : CommandSettings
{
    [CommandOption("--fail-if <CONDITION>")]
    [Description("Fail (exit 1) when a metric meets the condition: \"accuracy < 0.70\", \"demo-accuracy.accuracy < 70%\". Repeatable.")]
    public string[] FailIf { get; init; } = [];

    [CommandOption("--max-regression <METRIC=AMOUNT>")]
    [Description("Fail unless the paired 95% interval rules out a drop of more than AMOUNT: accuracy=2pp. Repeatable.")]
    public string[] MaxRegression { get; init; } = [];

    [CommandOption("--max-refusal-differential <FRACTION>")]
    [Description("Fail when a model refuses censorship probes more often than their controls by more than FRACTION (0.1 = 10pp).")]
    public string? MaxRefusalDifferential { get; init; }

    [CommandOption("--gates <FILE>")]
    [Description("A YAML file of gates (fail_if, max_regression, max_refusal_differential); see docs/reports.md.")]
    public string? GatesFile { get; init; }

    [CommandOption("--title <TEXT>")]
    [Description("Title of the report. Default: the run ids.")]
    public string? Title { get; init; }

    /// <summary>Every gate from the flags and the file, parsed (and so validated) before any run is read.</summary>
    public IReadOnlyList<GateSpec> Gates()
    {
        var gates = new List<GateSpec>();
        if (GatesFile is not null)
            gates.AddRange(Reports.Gates.GatesFile.Load(GatesFile));
        gates.AddRange(FailIf.Select(GateSpec.FailIf));
        gates.AddRange(MaxRegression.Select(GateSpec.MaxRegression));
        if (MaxRefusalDifferential is not null)
            gates.Add(GateSpec.MaxRefusalDifferential(MaxRefusalDifferential));
        return gates;
    }

    /// <summary>Applies the gates to the report's data.</summary>
    public static ReportData WithGates(ReportData data, IReadOnlyList<GateSpec> gates) =>
        data with { Gates = GateEvaluator.Evaluate(gates, data) };
}
