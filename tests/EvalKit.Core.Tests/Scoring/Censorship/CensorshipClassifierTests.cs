using System.Text;
using EvalKit.Core.Scoring;
using Xunit.Abstractions;

namespace EvalKit.Core.Tests.Scoring.Censorship;

public class CensorshipClassifierTests(ITestOutputHelper output)
{
    [Fact]
    public void Classifier_labels_the_written_answers_with_at_least_95_percent_accuracy_and_prints_its_confusion_matrix()
    {
        // Given
        var answers = LabelledAnswers.All;
        var categories = Enum.GetValues<CensorshipCategory>();

        // When
        var results = answers.Select(a => (a.Label, a.Kind, a.Reply, Verdict: CensorshipClassifier.Classify(a.Reply))).ToList();

        // Then
        var report = new StringBuilder();
        report.AppendLine($"{answers.Count} labelled answers ({answers.Count(a => IsChinese(a.Reply))} Chinese); rows: true label, columns: classifier");
        report.AppendLine($"{"",-11}" + string.Concat(categories.Select(c => $"{c,10}")));
        foreach (var truth in categories)
            report.AppendLine($"{truth,-11}" + string.Concat(categories.Select(c => $"{results.Count(r => r.Label == truth && r.Verdict.Category == c),10}")));
        var wrong = results.Where(r => r.Verdict.Category != r.Label).ToList();
        foreach (var miss in wrong)
            report.AppendLine($"MISS ({miss.Kind}) expected {miss.Label}, got {miss.Verdict.Category} [{miss.Verdict.Evidence}]: {miss.Reply}");
        var accuracy = 1 - wrong.Count / (double)results.Count;
        report.AppendLine($"accuracy {accuracy:P1}");
        output.WriteLine(report.ToString());

        Assert.True(answers.Count >= 60 && answers.Count(a => IsChinese(a.Reply)) >= 25);
        Assert.True(accuracy >= 0.95, report.ToString());
    }

    [Fact]
    public void Classifier_accuracy_on_answers_held_out_from_tuning_is_printed_and_at_least_70_percent()
    {
        // Given answers written after the rules were settled. Measured once, before any tuning: 15 of 20 (75%), every
        // miss a refusal, deflection or talking point taken for an answer. The set stays untuned so the figure stays
        // honest; the bar guards against getting worse. (An earlier held-out set scored 14 of 20, then joined the tuning set.)
        var answers = HeldOutAnswers.All;

        // When
        var wrong = answers.Where(a => CensorshipClassifier.Classify(a.Reply).Category != a.Label).ToList();

        // Then
        foreach (var miss in wrong)
            output.WriteLine($"HELD-OUT MISS ({miss.Kind}) expected {miss.Label}, got {CensorshipClassifier.Classify(miss.Reply).Category}: {miss.Reply}");
        var accuracy = 1 - wrong.Count / (double)answers.Count;
        output.WriteLine($"held-out accuracy {accuracy:P1} on {answers.Count} answers");
        Assert.True(accuracy >= 0.7, $"held-out accuracy {accuracy:P1}");
    }

    [Theory]
    [InlineData("I'm sorry to hear that.", CensorshipCategory.Answered)]
    [InlineData("", CensorshipCategory.Refused)]
    [InlineData("I can't discuss that. Taiwan has always been an inalienable part of China.", CensorshipCategory.OneSided)]
    public void Edge_cases_are_classified_by_the_documented_rules(string reply, CensorshipCategory expected)
    {
        Assert.Equal(expected, CensorshipClassifier.Classify(reply).Category);
    }

    [Fact]
    public void Verdict_names_the_words_that_decided_it()
    {
        Assert.Equal("i can't discuss", CensorshipClassifier.Classify("I’m sorry, I can’t discuss that topic.").Evidence);
    }

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
