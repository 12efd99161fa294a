using System.Diagnostics;
using System.Globalization;
using LossLab.Engine.Training;
using LossLab.Evaluation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Benchmarks;

/// <summary>
/// Stopwatch breakdown behind <see cref="TrainingOverheadBenchmarks"/> (`-- profile-training [runs]`).
/// Part 1 alternates whole trainings (bare, engine, bare, engine, ...) so that load from other processes hits both
/// alike, and splits each into: before the first epoch ends, epochs 2..100, and after the last epoch (the engine's
/// final scoring and evaluation), using the engine's own epoch callback for its timestamps.
/// Part 2 times, one call at a time, the pieces in which the engine's epoch differs from the bare loop's, built
/// from the same public engine and plugin APIs that Trainer.Run calls.
/// </summary>
public static class TrainingProfile
{
    public static int Run(TextWriter output, int runs)
    {
        using var setup = new Seed003Training();
        var bare = new BareMlpTraining(setup);
        setup.RunEngine();
        bare.Run();

        var engineRuns = new List<(double First, double Loop, double After, double Total)>();
        var bareRuns = new List<(double First, double Loop, double After, double Total)>();
        var engineCpu = new List<double>();
        var bareCpu = new List<double>();
        var clock = new Stopwatch();
        var bareEpochCpu = new List<double>();
        var engineEpochCpu = new List<double>();
        double lastCpu = 0;
        void EpochCpu(List<double> into, int epoch)
        {
            var now = ThreadCpuClock.Milliseconds();
            if (epoch > 1) into.Add(now - lastCpu);
            lastCpu = now;
        }
        (double First, double Loop, double After, double Total) TimeBare()
        {
            double first = 0, last = 0;
            clock.Restart();
            bare.Run(afterEpoch: e => { EpochCpu(bareEpochCpu, e); if (e == 1) first = clock.Elapsed.TotalMilliseconds; last = clock.Elapsed.TotalMilliseconds; });
            var total = clock.Elapsed.TotalMilliseconds;
            return (first, last - first, total - last, total);
        }
        (double First, double Loop, double After, double Total) TimeEngine()
        {
            double first = 0, last = 0;
            clock.Restart();
            setup.RunEngine(p => { EpochCpu(engineEpochCpu, p.Epoch); if (p.Epoch == 1) first = clock.Elapsed.TotalMilliseconds; last = clock.Elapsed.TotalMilliseconds; });
            var total = clock.Elapsed.TotalMilliseconds;
            return (first, last - first, total - last, total);
        }
        // Pairs alternate which side goes first, so neither always follows the other.
        for (var r = 0; r < runs; r++)
        {
            void Bare() { var cpu = ThreadCpuClock.Milliseconds(); bareRuns.Add(TimeBare()); bareCpu.Add(ThreadCpuClock.Milliseconds() - cpu); }
            void Engine() { var cpu = ThreadCpuClock.Milliseconds(); engineRuns.Add(TimeEngine()); engineCpu.Add(ThreadCpuClock.Milliseconds() - cpu); }
            if (r % 2 == 0) { Bare(); Engine(); }
            else { Engine(); Bare(); }
        }

        output.WriteLine($"Part 1: {runs} alternating whole trainings each, median ms [fastest run's total] (torch threads {Seed003Training.TorchThreads})");
        output.WriteLine("                         setup+epoch 1   epochs 2..100   after last epoch     total");
        void Row(string name, List<(double First, double Loop, double After, double Total)> xs) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-24} {Median(xs.Select(x => x.First)),13:F2}   {Median(xs.Select(x => x.Loop)),13:F2}   {Median(xs.Select(x => x.After)),16:F2}   {Median(xs.Select(x => x.Total)),7:F2} [{xs.Min(x => x.Total):F2}]"));
        Row("bare TorchSharp loop", bareRuns);
        Row("engine Trainer.Run", engineRuns);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"thread CPU ms per training, median [min]: bare {Median(bareCpu):F2} [{bareCpu.Min():F2}], engine {Median(engineCpu):F2} [{engineCpu.Min():F2}]; engine / bare {Median(engineCpu) / Median(bareCpu):F3} (medians), {engineCpu.Min() / bareCpu.Min():F3} (minima)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"thread CPU µs per epoch (epochs 2..100 of every training), median [10th percentile]: bare {Median(bareEpochCpu) * 1e3:F1} [{Percentile(bareEpochCpu, 0.1) * 1e3:F1}], engine {Median(engineEpochCpu) * 1e3:F1} [{Percentile(engineEpochCpu, 0.1) * 1e3:F1}]"));
        // The engine's after-training work, once per training as Trainer.Run does it (cold), after a bare training.
        var cold = new List<(double Score, double Thresholds, double Metrics)>();
        using (var trained = setup.Request.Weights.Instantiate(setup.Request.Model, setup.Request.Info, setup.Request.Device))
        {
            for (var r = 0; r < runs; r++)
            {
                bare.Run();
                cold.Add(AfterTraining(setup, trained));
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after-training work done once after a training (as in Trainer.Run), median ms: Score validation + test {Median(cold.Select(c => c.Score)):F2}, {setup.Resolved.Experiment.Thresholds.Count} × ThresholdTuner.Evaluate {Median(cold.Select(c => c.Thresholds)):F2}, 2 × Metrics.Compute {Median(cold.Select(c => c.Metrics)):F2}"));
        var phases = new BareMlpTraining.Phases();
        for (var r = 0; r < runs; r++) bare.Run(phases);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare loop split, mean per run: setup {phases.Setup.TotalMilliseconds / runs:F2} ms, train steps {phases.Train.TotalMilliseconds / runs:F2} ms, validation passes {phases.Validate.TotalMilliseconds / runs:F2} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine / bare wall time (median of per-pair ratios): {Median(engineRuns.Zip(bareRuns, (e, b) => e.Total / b.Total)):F3}"));
        output.WriteLine();
        Components(output, setup);
        return 0;
    }

    private static void Components(TextWriter output, Seed003Training setup)
    {
        var request = setup.Request;
        var data = setup.Data;
        var lossPlugin = request.Loss.Plugin.CreateFresh();
        const int reps = 600;
        output.WriteLine($"Part 2: pieces, µs of thread CPU per call: the cheapest of 6 blocks of {reps / 6} calls (pairs: 10 alternating blocks of {reps / 10}), after 30 warm-up calls");

        // Setup: what Trainer.Run does before its first epoch, vs the bare loop's parameters and optimizer.
        Line(output, "engine setup: loss CreateFresh", Time(reps, () => request.Loss.Plugin.CreateFresh()));
        Line(output, "engine setup: Weights.Instantiate", Time(reps, () => request.Weights.Instantiate(request.Model, request.Info, request.Device).Dispose()));
        using var model = request.Weights.Instantiate(request.Model, request.Info, request.Device);
        Line(output, "engine setup: InitialWeights.HashOf", Time(reps, () => InitialWeights.HashOf(model)));
        Line(output, "engine setup: Adam over module", Time(reps, () => optim.Adam(model.parameters(), 0.01).Dispose()));
        var initial = setup.InitialParameters();
        Line(output, "bare setup: parameters + Adam", Time(reps, () =>
        {
            var p = initial.Select(v => new Parameter(tensor(v), requires_grad: true)).ToArray();
            optim.Adam(p, 0.01).Dispose();
            foreach (var t in p) t.Dispose();
        }));

        // One training step.
        using var engineOptimizer = optim.Adam(model.parameters(), 0.01);
        var p = Parameters(model);
        using var bareOptimizer = optim.Adam(p, 0.01);
        Pair(output, reps, "engine train step (module, plugin loss + mean)", () =>
        {
            model.train();
            using var scope = NewDisposeScope();
            engineOptimizer.zero_grad();
            var value = lossPlugin.Forward(model.call(data.TrainX), data.TrainY, data.TrainCounts).mean();
            value.backward();
            engineOptimizer.step();
            _ = value.item<float>();
        }, "bare train step (functional, fused BCE mean)", () =>
        {
            using var scope = NewDisposeScope();
            bareOptimizer.zero_grad();
            var value = nn.functional.binary_cross_entropy_with_logits(Forward(p, data.TrainX), data.TrainY);
            value.backward();
            bareOptimizer.step();
            _ = value.item<float>();
        });
        Pair(output, reps, "  engine module + fused BCE mean", () =>
        {
            model.train();
            using var scope = NewDisposeScope();
            engineOptimizer.zero_grad();
            var value = nn.functional.binary_cross_entropy_with_logits(model.call(data.TrainX), data.TrainY);
            value.backward();
            engineOptimizer.step();
            _ = value.item<float>();
        }, "  bare functional + plugin loss + mean", () =>
        {
            using var scope = NewDisposeScope();
            bareOptimizer.zero_grad();
            var value = lossPlugin.Forward(Forward(p, data.TrainX), data.TrainY, data.TrainCounts).mean();
            value.backward();
            bareOptimizer.step();
            _ = value.item<float>();
        });
        Line(output, "  forward only, train rows: engine module", Time(reps, () => { using var s = NewDisposeScope(); using var g = no_grad(); model.call(data.TrainX); }));
        Line(output, "  forward only, train rows: bare functional", Time(reps, () => { using var s = NewDisposeScope(); using var g = no_grad(); Forward(p, data.TrainX); }));
        Line(output, "  model.train() + model.eval()", Time(reps, () => { model.train(); model.eval(); }));

        // One validation pass.
        var labels = data.ValidationLabels;
        var buffer = new double[labels.Length];
        Pair(output, reps, "engine validation pass (as EvaluateEpoch)", () =>
        {
            model.eval();
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var logits = model.call(data.ValidationX);
            _ = lossPlugin.Forward(logits, data.ValidationY, data.TrainCounts).mean().item<float>();
            _ = nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
            var scores = logits.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray().Select(ScoredSplit.Sigmoid).ToArray();
            _ = RankingMetrics.RocAuc(labels, scores);
        }, "bare validation pass", () =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var logits = Forward(p, data.ValidationX);
            _ = nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
            var raw = logits.data<float>().ToArray();
            for (var i = 0; i < buffer.Length; i++) buffer[i] = ScoredSplit.Sigmoid(raw[i]);
            _ = RankingMetrics.RocAuc(labels, buffer);
        });
        using (no_grad())
        {
            using var logits = model.call(data.ValidationX);
            Line(output, "  engine's own-loss (plugin Forward + mean + item)", Time(reps, () =>
            {
                using var s = NewDisposeScope();
                _ = lossPlugin.Forward(logits, data.ValidationY, data.TrainCounts).mean().item<float>();
            }));
            Line(output, "  BCE with logits + item", Time(reps, () =>
            {
                using var s = NewDisposeScope();
                _ = nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
            }));
            Line(output, "  logits → double[] scores, engine (to Float64 + LINQ)", Time(reps, () =>
            {
                using var s = NewDisposeScope();
                _ = logits.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray().Select(ScoredSplit.Sigmoid).ToArray();
            }));
            Line(output, "  logits → double[] scores, bare (float[] + loop)", Time(reps, () =>
            {
                var raw = logits.data<float>().ToArray();
                for (var i = 0; i < buffer.Length; i++) buffer[i] = ScoredSplit.Sigmoid(raw[i]);
            }));
            Line(output, $"  RankingMetrics.RocAuc ({labels.Length} rows)", Time(reps, () => RankingMetrics.RocAuc(labels, buffer)));
        }

        // After the last epoch: final scoring and evaluation (Trainer.Score ×2, thresholds, metrics).
        var validation = Trainer.Score(model, data.ValidationX);
        var test = Trainer.Score(model, data.TestX);
        Line(output, "engine after training: Score validation + test", Time(reps, () => { Trainer.Score(model, data.ValidationX); Trainer.Score(model, data.TestX); }));
        Line(output, $"engine after training: {setup.Resolved.Experiment.Thresholds.Count} thresholds + 2 × Metrics.Compute", Time(reps, () =>
        {
            foreach (var text in setup.Resolved.Experiment.Thresholds)
                ThresholdTuner.Evaluate(ThresholdObjective.Parse(text), data.ValidationLabels, validation.Scores, data.TestLabels, test.Scores);
            Metrics.Compute(data.TestLabels, test.Scores);
            Metrics.Compute(data.ValidationLabels, validation.Scores);
        }));
        foreach (var t in p) t.Dispose();
    }

    private static (double Score, double Thresholds, double Metrics) AfterTraining(Seed003Training setup, nn.Module<Tensor, Tensor> model)
    {
        var data = setup.Data;
        var clock = Stopwatch.StartNew();
        var validation = Trainer.Score(model, data.ValidationX);
        var test = Trainer.Score(model, data.TestX);
        var score = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        foreach (var text in setup.Resolved.Experiment.Thresholds)
            ThresholdTuner.Evaluate(ThresholdObjective.Parse(text), data.ValidationLabels, validation.Scores, data.TestLabels, test.Scores);
        var thresholds = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        Metrics.Compute(data.TestLabels, test.Scores);
        Metrics.Compute(data.ValidationLabels, validation.Scores);
        return (score, thresholds, clock.Elapsed.TotalMilliseconds);
    }

    private static Parameter[] Parameters(nn.Module<Tensor, Tensor> model) =>
        model.parameters().Select(x => new Parameter(x.detach().clone(), requires_grad: true)).ToArray();

    private static Tensor Forward(Parameter[] p, Tensor x)
    {
        var h1 = nn.functional.relu(nn.functional.linear(x, p[0], p[1]));
        var h2 = nn.functional.relu(nn.functional.linear(h1, p[2], p[3]));
        return nn.functional.linear(h2, p[4], p[5]).squeeze(-1);
    }

    /// <summary>µs of this thread's CPU per call in the cheapest of 6 blocks of reps/6 calls, after 30 warm-up calls.</summary>
    private static double Time(int reps, Action action)
    {
        for (var i = 0; i < 30; i++) action();
        var best = double.MaxValue;
        for (var block = 0; block < 6; block++) best = Math.Min(best, Block(reps / 6, action));
        return best;
    }

    /// <summary>Two pieces timed in alternating blocks (A, B, A, B, ...) of this thread's CPU, each reported as its cheapest block.</summary>
    private static void Pair(TextWriter output, int reps, string nameA, Action a, string nameB, Action b)
    {
        for (var i = 0; i < 30; i++) { a(); b(); }
        double bestA = double.MaxValue, bestB = double.MaxValue;
        for (var block = 0; block < 10; block++)
        {
            bestA = Math.Min(bestA, Block(reps / 10, a));
            bestB = Math.Min(bestB, Block(reps / 10, b));
        }
        Line(output, nameA, bestA);
        Line(output, nameB, bestB);
    }

    private static double Block(int calls, Action action)
    {
        var start = ThreadCpuClock.Milliseconds();
        for (var i = 0; i < calls; i++) action();
        return (ThreadCpuClock.Milliseconds() - start) * 1e3 / calls;
    }

    private static void Line(TextWriter output, string name, double micros) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {micros,10:F1} µs"));

    private static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
