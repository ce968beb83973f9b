using ScottPlot;

namespace EvalKit.Reports.Internal.Charts;

/// <summary>The look every chart shares and the two shapes most charts are: grouped bars with intervals, and boxes.</summary>
internal static class ChartStyle
{
    public const int Width = 820;
    public const int Height = 420;

    private static readonly ScottPlot.Palettes.Category10 _palette = new();

    /// <summary>The first sans-serif family installed; ScottPlot's own default resolves to a serif font on Debian.</summary>
    private static readonly string? _sansFont = new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial" }
        .FirstOrDefault(f => SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains(f));

    public static Color ColorOf(int series) => _palette.GetColor(series);

    public static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        if (_sansFont is { } font)
            plot.Font.Set(font);
        plot.Title(title);
        plot.YLabel(yLabel);
        return plot;
    }

    public static void PercentAxis(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => $"{v * 100:0}%" };

    /// <summary>One bar per series in each category, with asymmetric error bars from each estimate's interval.</summary>
    public static void GroupedBars(Plot plot, IReadOnlyList<string> categories, IReadOnlyList<Series> series)
    {
        var width = 0.8 / Math.Max(1, series.Count);
        for (var j = 0; j < series.Count; j++)
        {
            var color = ColorOf(j);
            var bars = new List<Bar>();
            List<double> xs = [], ys = [], minus = [], plus = [];
            for (var i = 0; i < categories.Count; i++)
            {
                var e = series[j].Values[i];
                if (double.IsNaN(e.Value))
                    continue;
                var x = i + (j - (series.Count - 1) / 2.0) * width;
                bars.Add(new Bar { Position = x, Value = e.Value, Size = width * 0.9, FillColor = color, LineWidth = 0 });
                if (double.IsNaN(e.Low))
                    continue;
                xs.Add(x);
                ys.Add(e.Value);
                minus.Add(e.Value - e.Low);
                plus.Add(e.High - e.Value);
            }
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = series[j].Name;
            if (xs.Count > 0)
            {
                ErrorBars(plot, xs, ys, null, null, plus, minus, Colors.Black.WithAlpha(0.7));
            }
        }
        CategoryTicks(plot, categories);
        if (series.Count > 1)
            plot.ShowLegend(Alignment.UpperRight);
    }

    public static void CategoryTicks(Plot plot, IReadOnlyList<string> categories)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (categories.Count > 8 || categories.Sum(c => c.Length) > 50)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            // Rotated labels are not measured by the layout; reserve room for the longest one (about 8 px a character).
            plot.Axes.Bottom.MinimumSize = (float)(Math.Min(40, categories.Max(c => c.Length)) * 8 * Math.Sin(40 * Math.PI / 180) + 30);
        }
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
        plot.HideGrid();
    }

    /// <summary>Asymmetric error bars (Wilson intervals are not symmetric); null x errors draw vertical bars only.</summary>
    public static void ErrorBars(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        IReadOnlyList<double>? xPlus, IReadOnlyList<double>? xMinus, IReadOnlyList<double> yPlus, IReadOnlyList<double> yMinus, Color color)
    {
        var zeros = xs.Select(_ => 0.0).ToList();
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, xPlus ?? zeros, xMinus ?? zeros, yPlus, yMinus) { Color = color };
        plot.Add.Plottable(bars);
    }

    public static ChartImage Render(Plot plot, string id, string title, string caption) =>
        new(id, title, caption, XmlText.Clean(plot.GetSvgXml(Width, Height)), plot.GetImageBytes(Width, Height, ImageFormat.Png));
}
