using LossLab.Reports.Figures;
using LossLab.Reports.Tests.Fixtures;
using LossLab.Reports.Tests.Support;
using OxyPlot;
using OxyPlot.Series;
using Xunit;

namespace LossLab.Reports.Tests.Figures;

public class LossShapeFigureTests
{
    [Fact]
    public void Both_gradient_panels_draw_every_loss_though_a_positive_target_has_negative_gradients()
    {
        var (results, _) = ExperimentFixture.Build();
        Assert.All(results.LossShapes, s => Assert.All(s.GradPositive, g => Assert.True(g < 0)));
        var grid = LossShapeFigure.Build(TestFonts.Shared, new LossPalette(ExperimentFixture.Losses), results.LossShapes);

        foreach (var panel in grid.Panels.Cast<PlotFigure>().Skip(2))
        {
            Assert.Equal(ExperimentFixture.Losses.Length, panel.Model.Series.Count);
            foreach (var series in panel.Model.Series.Cast<LineSeries>())
            {
                var defined = series.Points.Where(p => p.IsDefined()).ToList();
                Assert.True(defined.Count > series.Points.Count / 2, $"{panel.Model.Title}: {series.Title} is mostly undrawn");
                Assert.All(defined, p => Assert.True(p.Y > 0));
            }
        }
        // |d loss / d logit| of BCE at p_t = 0.5 is 0.5, whatever the target.
        var bce = grid.Panels.Cast<PlotFigure>().ElementAt(2).Model.Series.Cast<LineSeries>().First();
        Assert.Equal(0.5, bce.Points.First(p => Math.Abs(p.X - 0.5) < 1e-9).Y, 9);
    }
}
