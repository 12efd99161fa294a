using System.Diagnostics;
using System.Globalization;
using LossLab.Engine.Training;
using LossLab.Engine.Training.Optimizers;
using LossLab.Evaluation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LossLab.Benchmarks;

/// <summary>
/// Stopwatch breakdown behind <see cref="TrainingOverheadBenchmarks"/> (`-- profile-training [runs]`).
/// Part 1 rotates whole runs of five sides (bare loop; bare loop with the engine's incremental ROC-AUC; also with
/// the engine's optimizer; that loop over the model plugin's module; the engine) so that load from other processes hits all alike, and splits each
/// into: before the first epoch ends, epochs 2..100, and after the last epoch (scoring and evaluation, which every
/// side does), using the engine's own epoch callback for its timestamps.
/// Part 2 times, one call at a time, the pieces in which the engine's epoch differs from the bare loop's, built
/// from the same public engine and plugin APIs that Trainer.Run calls, with the managed bytes each allocates.
/// Part 3 (<see cref="ColdSetupProfile"/>) times Trainer.Run's setup and first epochs step by step.
/// </summary>
public static class TrainingProfile
{
    public static int Run(TextWriter output, int runs)
    {
        using var setup = new Seed003Training();
        var bare = new BareMlpTraining(setup);
        var bareIncremental = new BareMlpTraining(setup, incrementalRocAuc: true);
        var bareEngineParts = new BareMlpTraining(setup, incrementalRocAuc: true, engineOptimizer: true);
        var engineRun = setup.RunEngine().Result;
        Seed003Training.CheckSameRun(engineRun, bare.Run());
        Seed003Training.CheckSameRun(engineRun, bareIncremental.Run());
        Seed003Training.CheckSameRun(engineRun, bareEngineParts.Run());
        Seed003Training.CheckSameRun(engineRun, bareEngineParts.RunModule());
        var sides = new[]
        {
            new Side("bare TorchSharp loop", afterEpoch => bare.Run(afterEpoch: afterEpoch)),
            new Side("bare, incremental AUC", afterEpoch => bareIncremental.Run(afterEpoch: afterEpoch)),
            new Side("  + engine's optimizer", afterEpoch => bareEngineParts.Run(afterEpoch: afterEpoch)),
            new Side("  + model's module", afterEpoch => bareEngineParts.RunModule(afterEpoch)),
            new Side("engine Trainer.Run", afterEpoch => setup.RunEngine(p => afterEpoch(p.Epoch))),
        };
        // Rounds rotate which side goes first, so that none always follows another.
        for (var r = 0; r < runs; r++)
            for (var k = 0; k < sides.Length; k++)
                sides[(r + k) % sides.Length].Time();

        output.WriteLine($"Part 1: {runs} rotating whole trainings each, median ms [fastest run's total] (torch threads {Seed003Training.TorchThreads})");
        output.WriteLine("                            setup+epoch 1   epochs 2..100   after last epoch     total");
        foreach (var side in sides)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{side.Name,-27} {Median(side.Runs.Select(x => x.First)),13:F2}   {Median(side.Runs.Select(x => x.Loop)),13:F2}   {Median(side.Runs.Select(x => x.After)),16:F2}   {Median(side.Runs.Select(x => x.Total)),7:F2} [{side.Runs.Min(x => x.Total):F2}]"));
        output.WriteLine("thread CPU per training, ms: median [min]; per epoch 2..100, µs: median [10th percentile]; managed allocation per training");
        foreach (var side in sides)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{side.Name,-27} {Median(side.Cpu):F2} [{side.Cpu.Min():F2}] ms   {Median(side.EpochCpu) * 1e3:F1} [{Percentile(side.EpochCpu, 0.1) * 1e3:F1}] µs   {Median(side.Allocated) / 1e6:F2} MB"));
        // Each round runs every side once, back to back: the ratio within a round sees the same load on both sides,
        // so the median of per-round ratios is the steadiest estimate on a shared machine.
        void Ratio(Side a, Side b)
        {
            var paired = a.Cpu.Zip(b.Cpu, (x, y) => x / y).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Name.Trim()} / {b.Name.Trim()}, thread CPU: {Median(a.Cpu) / Median(b.Cpu):F3} (medians), {a.Cpu.Min() / b.Cpu.Min():F3} (minima), {Median(paired):F3} [{Percentile(paired, 0.25):F3}, {Percentile(paired, 0.75):F3}] (median [quartiles] of per-round ratios)"));
        }
        Ratio(sides[4], sides[0]);
        Ratio(sides[4], sides[1]);
        Ratio(sides[4], sides[2]);
        Ratio(sides[4], sides[3]);
        Ratio(sides[3], sides[2]);
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
            $"after-training work done once after a training (as in Trainer.Run), median ms: Score validation + test {Median(cold.Select(c => c.Score)):F2}, 2 RankedRows + {setup.Resolved.Experiment.Thresholds.Count} × ThresholdTuner.Evaluate {Median(cold.Select(c => c.Thresholds)):F2}, 2 × Metrics.Compute {Median(cold.Select(c => c.Metrics)):F2}"));
        var phases = new BareMlpTraining.Phases();
        for (var r = 0; r < runs; r++) bare.Run(phases);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare loop split, mean per run: setup {phases.Setup.TotalMilliseconds / runs:F2} ms, train steps {phases.Train.TotalMilliseconds / runs:F2} ms, validation passes {phases.Validate.TotalMilliseconds / runs:F2} ms, evaluation after training {phases.Evaluate.TotalMilliseconds / runs:F2} ms"));
        output.WriteLine();
        Components(output, setup);
        output.WriteLine();
        ColdSetupProfile.Run(output, setup, bareIncremental, runs);
        return 0;
    }

    /// <summary>One contender of Part 1: per training its wall-clock split, thread CPU, per-epoch CPU and allocation.</summary>
    private sealed class Side(string name, Action<Action<int>> train)
    {
        public string Name => name;
        public List<(double First, double Loop, double After, double Total)> Runs { get; } = [];
        public List<double> Cpu { get; } = [];
        public List<double> EpochCpu { get; } = [];
        public List<double> Allocated { get; } = [];

        public void Time()
        {
            double first = 0, last = 0, lastCpu = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuClock.Milliseconds();
            var clock = Stopwatch.StartNew();
            train(epoch =>
            {
                var now = ThreadCpuClock.Milliseconds();
                if (epoch > 1) EpochCpu.Add(now - lastCpu);
                lastCpu = now;
                if (epoch == 1) first = clock.Elapsed.TotalMilliseconds;
                last = clock.Elapsed.TotalMilliseconds;
            });
            var total = clock.Elapsed.TotalMilliseconds;
            Cpu.Add(ThreadCpuClock.Milliseconds() - cpu);
            Allocated.Add(GC.GetAllocatedBytesForCurrentThread() - allocated);
            Runs.Add((first, last - first, total - last, total));
        }
    }

    private static void Components(TextWriter output, Seed003Training setup)
    {
        var request = setup.Request;
        var data = setup.Data;
        var lossPlugin = request.Loss.Plugin.CreateFresh();
        const int reps = 600;
        output.WriteLine($"Part 2: pieces, µs of thread CPU and managed bytes per call: the cheapest of 6 blocks of {reps / 6} calls (pairs: 10 alternating blocks of {reps / 10}), after 30 warm-up calls");

        // Setup: what Trainer.Run does before its first epoch, vs the bare loop's parameters and optimizer.
        Line(output, "engine setup: loss CreateFresh", Time(reps, () => request.Loss.Plugin.CreateFresh()));
        Line(output, "engine setup: Weights.Instantiate", Time(reps, () => request.Weights.Instantiate(request.Model, request.Info, request.Device).Dispose()));
        using var model = request.Weights.Instantiate(request.Model, request.Info, request.Device);
        var training = setup.Resolved.Experiment.Training;
        Line(output, "engine setup: ParameterUpdate (Adam) over module", Time(reps, () => ParameterUpdate.Create(training, [.. model.parameters()]).Dispose()));
        var initial = setup.InitialParameters();
        Line(output, "bare setup: parameters + Adam", Time(reps, () =>
        {
            var p = initial.Select(v => new Parameter(tensor(v), requires_grad: true)).ToArray();
            optim.Adam(p, 0.01).Dispose();
            foreach (var t in p) t.Dispose();
        }));

        // One training step.
        using var engineOptimizer = ParameterUpdate.Create(training, [.. model.parameters()]); // as Trainer.Run
        var p = Parameters(model);
        using var bareOptimizer = optim.Adam(p, 0.01);
        // As Trainer.Run: the model switches modes around validation passes only when TrainingModeLayers says so.
        var switchModes = TrainingModeLayers.Of(model).SwitchModes;
        Pair(output, reps, "engine train step (module, plugin Mean, own Adam)", () =>
        {
            if (switchModes) model.train();
            using var scope = NewDisposeScope();
            engineOptimizer.ZeroGrad();
            var value = lossPlugin.Mean(model.call(data.TrainX), data.TrainY, data.TrainCounts);
            value.backward();
            engineOptimizer.Step();
            _ = value.item<float>();
        }, "bare train step (functional, fused BCE mean, optim.Adam)", () =>
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
            if (switchModes) model.train();
            using var scope = NewDisposeScope();
            engineOptimizer.ZeroGrad();
            var value = nn.functional.binary_cross_entropy_with_logits(model.call(data.TrainX), data.TrainY);
            value.backward();
            engineOptimizer.Step();
            _ = value.item<float>();
        }, "  bare functional + plugin Forward + mean (before Mean)", () =>
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
        Line(output, $"  model.train() + model.eval() (made per epoch only when the mode matters: {switchModes})", Time(reps, () => { model.train(); model.eval(); }));

        // One validation pass.
        var labels = data.ValidationLabels;
        var buffer = new double[labels.Length];
        var engineLogits = new double[labels.Length];
        var engineScores = new double[labels.Length];
        var engineRocAuc = new IncrementalRocAuc(labels);
        // As ValidationPass.CopyLogits: float32 on the CPU copied out, widened in C# into reused arrays.
        void EngineScores(Tensor logits)
        {
            float[] singles;
            using (var values = logits.data<float>()) singles = values.ToArray();
            for (var i = 0; i < singles.Length; i++) engineLogits[i] = singles[i];
            for (var i = 0; i < engineLogits.Length; i++) engineScores[i] = Logistic.Sigmoid(engineLogits[i]);
        }
        Pair(output, reps, "engine validation pass (as ValidationPass, bce)", () =>
        {
            if (switchModes) model.eval();
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var logits = model.call(data.ValidationX);
            _ = lossPlugin.Mean(logits, data.ValidationY, data.TrainCounts).item<float>();
            EngineScores(logits);
            _ = engineRocAuc.Compute(engineScores);
        }, "bare validation pass", () =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var logits = Forward(p, data.ValidationX);
            _ = nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
            var raw = logits.data<float>().ToArray();
            for (var i = 0; i < buffer.Length; i++) buffer[i] = Logistic.Sigmoid(raw[i]);
            _ = RankingMetrics.RocAuc(labels, buffer);
        });
        using (no_grad())
        {
            using var logits = model.call(data.ValidationX);
            Line(output, "  engine's own loss (plugin Mean + item; also the BCE for bce)", Time(reps, () =>
            {
                using var s = NewDisposeScope();
                _ = lossPlugin.Mean(logits, data.ValidationY, data.TrainCounts).item<float>();
            }));
            Line(output, "  BCE with logits + item", Time(reps, () =>
            {
                using var s = NewDisposeScope();
                _ = nn.functional.binary_cross_entropy_with_logits(logits, data.ValidationY).item<float>();
            }));
            Line(output, "  logits → double[] scores, engine (float[] + reused arrays)", Time(reps, () => EngineScores(logits)));
            Line(output, "  logits → double[] scores, bare (float[] + loop)", Time(reps, () =>
            {
                var raw = logits.data<float>().ToArray();
                for (var i = 0; i < buffer.Length; i++) buffer[i] = Logistic.Sigmoid(raw[i]);
            }));
            Line(output, $"  RankingMetrics.RocAuc ({labels.Length} rows)", Time(reps, () => RankingMetrics.RocAuc(labels, buffer)));
            // Unchanged scores: the cheapest case of the incremental re-sort (a pass that finds the order sorted).
            Line(output, $"  IncrementalRocAuc.Compute, scores as last time", Time(reps, () => engineRocAuc.Compute(buffer)));
        }

        // After the last epoch: final scoring and evaluation (Trainer.Score ×2, thresholds, metrics).
        var validation = Trainer.Score(model, data.ValidationX);
        var test = Trainer.Score(model, data.TestX);
        Line(output, "engine after training: Score test (validation reused)", Time(reps, () => Trainer.Score(model, data.TestX)));
        Line(output, $"engine after training: 2 RankedRows, {setup.Resolved.Experiment.Thresholds.Count} thresholds, 2 × Metrics.Compute", Time(reps, () =>
        {
            var tune = new RankedRows(data.ValidationLabels, validation.Scores);
            var judged = new RankedRows(data.TestLabels, test.Scores);
            foreach (var objective in setup.Resolved.Experiment.Thresholds)
                ThresholdTuner.Evaluate(objective, tune, judged);
            Metrics.Compute(judged);
            Metrics.Compute(tune);
        }));
        foreach (var t in p) t.Dispose();
    }

    private static (double Score, double Thresholds, double Metrics) AfterTraining(Seed003Training setup, nn.Module<Tensor, Tensor> model)
    {
        var data = setup.Data;
        var clock = Stopwatch.StartNew();
        var validation = Trainer.Score(model, data.ValidationX); // in Trainer.Run, the last validation pass's scores
        var test = Trainer.Score(model, data.TestX);
        var score = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var tune = new RankedRows(data.ValidationLabels, validation.Scores);
        var judged = new RankedRows(data.TestLabels, test.Scores);
        foreach (var objective in setup.Resolved.Experiment.Thresholds)
            ThresholdTuner.Evaluate(objective, tune, judged);
        var thresholds = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        Metrics.Compute(judged);
        Metrics.Compute(tune);
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
    private static Cost Time(int reps, Action action)
    {
        for (var i = 0; i < 30; i++) action();
        Cost best = new(double.MaxValue, 0);
        for (var block = 0; block < 6; block++) best = Cost.Cheaper(best, Block(reps / 6, action));
        return best;
    }

    /// <summary>Two pieces timed in alternating blocks (A, B, A, B, ...) of this thread's CPU, each reported as its cheapest block.</summary>
    private static void Pair(TextWriter output, int reps, string nameA, Action a, string nameB, Action b)
    {
        for (var i = 0; i < 30; i++) { a(); b(); }
        Cost bestA = new(double.MaxValue, 0), bestB = new(double.MaxValue, 0);
        for (var block = 0; block < 10; block++)
        {
            bestA = Cost.Cheaper(bestA, Block(reps / 10, a));
            bestB = Cost.Cheaper(bestB, Block(reps / 10, b));
        }
        Line(output, nameA, bestA);
        Line(output, nameB, bestB);
    }

    /// <summary>µs of this thread's CPU and managed bytes allocated per call, over one block of calls.</summary>
    private static Cost Block(int calls, Action action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = ThreadCpuClock.Milliseconds();
        for (var i = 0; i < calls; i++) action();
        var micros = (ThreadCpuClock.Milliseconds() - start) * 1e3 / calls;
        return new Cost(micros, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / calls);
    }

    private readonly record struct Cost(double Micros, double Bytes)
    {
        public static Cost Cheaper(Cost a, Cost b) => a.Micros <= b.Micros ? a : b;
    }

    private static void Line(TextWriter output, string name, Cost cost) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {cost.Micros,10:F1} µs {cost.Bytes,9:F0} B"));

    private static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
