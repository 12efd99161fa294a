using LossLab.Evaluation.Results;
using static TorchSharp.torch;

namespace LossLab.Engine.Training;

/// <summary>A two-feature model scored on a grid spanning the test points (standardised units) plus a margin.</summary>
public static class DecisionBoundaryGrid
{
    public const int Resolution = 80;

    public static DecisionBoundary Compute(nn.Module<Tensor, Tensor> model, RunRequest request, ScoredSplit test)
    {
        var f = request.Data.TestFeatures;
        var xs = Enumerable.Range(0, f.Length / 2).Select(i => (double)f[2 * i]).ToArray();
        var ys = Enumerable.Range(0, f.Length / 2).Select(i => (double)f[2 * i + 1]).ToArray();
        double Pad(double lo, double hi) => 0.1 * Math.Max(hi - lo, 1e-6);
        double xMin = xs.Min() - Pad(xs.Min(), xs.Max()), xMax = xs.Max() + Pad(xs.Min(), xs.Max());
        double yMin = ys.Min() - Pad(ys.Min(), ys.Max()), yMax = ys.Max() + Pad(ys.Min(), ys.Max());

        var grid = new float[Resolution * Resolution * 2];
        for (var iy = 0; iy < Resolution; iy++)
        for (var ix = 0; ix < Resolution; ix++)
        {
            var k = (iy * Resolution + ix) * 2;
            grid[k] = (float)(xMin + ix * (xMax - xMin) / (Resolution - 1));
            grid[k + 1] = (float)(yMin + iy * (yMax - yMin) / (Resolution - 1));
        }
        ScoredSplit scored;
        using (var scope = NewDisposeScope())
        {
            scored = Trainer.Score(model, tensor(grid, [Resolution * Resolution, 2], ScalarType.Float32, request.Device));
        }
        return new DecisionBoundary
        {
            Loss = request.Loss.Name, Seed = request.Data.Seed, XMin = xMin, XMax = xMax, YMin = yMin, YMax = yMax,
            Resolution = Resolution, Scores = scored.Scores, TestX = xs, TestY = ys, TestLabels = request.Data.TestLabels,
        };
    }
}
