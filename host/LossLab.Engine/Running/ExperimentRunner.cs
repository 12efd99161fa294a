using LossLab.Evaluation.Experiments;
using System.Collections.Concurrent;
using LossLab.Abstractions;
using LossLab.Engine.Data;
using LossLab.Engine.Experiments;
using LossLab.Engine.Models;
using LossLab.Evaluation.Models;
using LossLab.Engine.Training;
using LossLab.Engine.Weights;
using LossLab.Evaluation;
using LossLab.Evaluation.Results;
using TorchSharp;

namespace LossLab.Engine.Running;

/// <summary>
/// Runs an experiment: the data once, then for each seed one split, one batch schedule and one set of initial
/// weights shared by every loss, so the loss is the only difference between the runs of a seed. Results and
/// predictions are saved after every run; finished runs survive a crash or Ctrl+C, and --resume re-runs the rest.
/// </summary>
public sealed class ExperimentRunner
{
    /// <summary>The error of a run that Ctrl+C stopped before it began (a run stopped while training says "cancelled").</summary>
    public const string NotStartedError = "cancelled before it started";

    public ExperimentResults Run(ResolvedExperiment resolved, RunOptions options, IRunProgress progress, CancellationToken cancellation) =>
        Run(resolved, options, progress, cancellation, out _);

    /// <param name="predictions">The rows written to predictions.csv, in its order (the report draws from them
    /// without reading the file back).</param>
    public ExperimentResults Run(ResolvedExperiment resolved, RunOptions options, IRunProgress progress, CancellationToken cancellation,
        out IReadOnlyList<Prediction> predictions)
    {
        var experiment = resolved.Experiment;
        var device = TorchDevice.Resolve(options.Device);

        var loaded = DatasetLoader.Load(resolved, progress.Message, cancellation);
        var data = experiment.Imbalance is null ? loaded : ImbalanceSampler.Apply(loaded, experiment.Imbalance, experiment.Dataset.Seed, progress.Message);
        if (options.Previous is { Results.Dataset.Sha256: { Length: > 0 } recorded } && DatasetHash.Of(data) is var now && now != recorded)
            throw new InvalidInputException($"--resume: the dataset ({data.Info.Source}) is not the data the earlier runs trained on: its SHA-256 is {now}, results.json records {recorded}; nothing was trained. Start a new run with --out to use the new data.");
        var folder = new ResultsFolder(options.OutputDirectory);
        folder.RemoveOrphanTemporaries();

        var seeds = new Dictionary<int, SeedData>();
        var weights = new Dictionary<int, InitialWeights>();
        // Each seed's split, batch order and initial weights come from that seed alone, so building only the seeds
        // whose runs train here (a shard's, or --resume's) gives those runs what a whole run gives them. The first
        // seed is always built: results.json describes the splits, the model and the loss cards from it.
        void Build(int seed)
        {
            if (seeds.ContainsKey(seed)) return;
            seeds[seed] = new SeedData(data, seed, experiment, device);
            weights[seed] = DrawWeights(resolved, data.Info, seed);
        }
        try
        {
            Build(experiment.Seeds[0]);
            if (weights[experiment.Seeds[0]].Pretrained is { } pretrained)
                progress.Message($"{resolved.Model.Descriptor.Label}: {ModelWeights.Describe(pretrained)}");
            var first = seeds[experiment.Seeds[0]];
            var plan = ExecutionPlanner.Plan(resolved, data.Info, weights[experiment.Seeds[0]], first, device, options.Parallel, progress);
            var (parallel, threads) = (plan.Parallel, plan.Threads);
            torch.set_num_threads(threads);
            var template = ResultsTemplate.Build(resolved, options, EnvironmentProbe.Describe(device, threads) with { Execution = plan.Describe() }, loaded, data, first, weights[experiment.Seeds[0]]);
            template.LossShapes.AddRange(LossShapes(resolved, first, progress));
            var ledger = new RunLedger(resolved, template, options.Previous, progress.Message);

            var pending = new ConcurrentQueue<(int Index, ConfiguredLoss Loss, int Seed)>();
            var losses = resolved.Losses.ToDictionary(l => l.Name);
            var runs = ShardPlan.Runs(experiment.Seeds, [.. resolved.Losses.Select(l => l.Name)]).ToList();
            for (var index = 0; index < runs.Count; index++)
            {
                var (loss, seed) = runs[index];
                if (ShardPlan.Includes(options.Shard, index, runs.Count) && !ledger.KeepPrevious(loss, seed)) pending.Enqueue((index, losses[loss], seed));
            }
            foreach (var seed in pending.Select(p => p.Seed).Distinct()) Build(seed);
            progress.Planned(pending.Count);
            progress.Queued([.. pending.Select(p => (p.Loss.Name, p.Seed))]);
            ledger.Save(folder);

            var twoFeatures = data.Info.IsTabular && data.Info.InputShape[0] == 2;
            void Worker()
            {
                while (pending.TryDequeue(out var item))
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        ledger.Record(Cancelled(item.Loss.Name, item.Seed, seeds[item.Seed], weights[item.Seed]), null, null, null, folder);
                        continue;
                    }
                    progress.Started(item.Loss.Name, item.Seed, item.Index);
                    var request = new RunRequest(item.Loss, seeds[item.Seed], weights[item.Seed], resolved.Model.Instance, data.Info, experiment,
                        device, folder.ModelFolder(item.Loss.Name, item.Seed), twoFeatures && item.Seed == experiment.Seeds[0]);
                    var outcome = Trainer.Run(request, progress.Epoch, cancellation);
                    var result = outcome.Result;
                    if (result.ModelPath is { } path)
                    {
                        ModelCardFile.Write(path, ModelCardBuilder.Build(resolved, data.Info, seeds[item.Seed], result, template, path));
                        result = result with { ModelPath = folder.Relative(path), ModelSha256 = FileHash.OfPath(path) };
                    }
                    ledger.Record(result, outcome, seeds[item.Seed], outcome.Boundary, folder);
                    progress.Finished(result);
                }
            }
            var workers = Enumerable.Range(0, Math.Min(parallel, Math.Max(1, pending.Count))).Select(_ => Task.Factory.StartNew(Worker, TaskCreationOptions.LongRunning)).ToArray();
            Task.WaitAll(workers);

            predictions = [.. ledger.Predictions()];
            // A shard's runs wait for `losslab merge`: the cross-run analysis needs every run.
            if (options.Shard is not null) return ledger.Snapshot();
            var closing = ClosingSettings.Of(experiment) with { BootstrapThreads = plan.BootstrapThreads(options.Parallel, Environment.ProcessorCount) };
            var results = ExperimentClosing.Close(ledger.Snapshot(), predictions, closing);
            // The ledger's last save wrote these rows to predictions.csv; the closing adds numbers to results.json only.
            folder.SaveResults(results);
            return results;
        }
        finally
        {
            foreach (var s in seeds.Values) s.Dispose();
            foreach (var w in weights.Values) w.Dispose();
        }
    }

    /// <summary>Shapes of every loss that can be evaluated; a plugin that throws here is reported and fails in its runs too.</summary>
    private static IEnumerable<LossShape> LossShapes(ResolvedExperiment resolved, SeedData first, IRunProgress progress)
    {
        foreach (var loss in resolved.Losses)
        {
            LossShape? shape = null;
            try
            {
                shape = LossShapeCalculator.Compute(loss.Name, loss.Plugin.CreateFresh(), first.TrainCounts);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                progress.Message($"{loss.Plugin.Descriptor.Label}: no loss-shape plot ({e.GetType().Name}: {e.Message})");
            }
            if (shape is not null) yield return shape;
        }
    }

    private static InitialWeights DrawWeights(ResolvedExperiment resolved, DatasetInfo info, int seed)
    {
        try
        {
            return InitialWeights.Draw(resolved.Model.Instance, info, seed, resolved.BaseDirectory);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException($"{resolved.Model.Descriptor.Label}: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DataException($"{resolved.Model.Descriptor.Label} cannot be built for input shape [{string.Join(", ", info.InputShape)}]: {e.Message}");
        }
    }

    private static RunResult Cancelled(string loss, int seed, SeedData data, InitialWeights weights) => new()
    {
        Loss = loss, Seed = seed, Status = RunStatus.Cancelled, Error = NotStartedError,
        InitHash = weights.Hash, DataOrderHash = data.DataOrderHash,
    };

}
