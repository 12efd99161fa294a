namespace LossLab.Cli.Commands.Help;

/// <summary>The usage examples each verb's help ends with, keyed by the verb's path ("review", "loss eval").</summary>
internal static class VerbExamples
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        [""] =
        [
            "losslab run                                   # the embedded 99:1 study: bce, weighted-bce, focal",
            "losslab review scores.csv --split-column split --out review/",
            "losslab plugins",
        ],
        ["plugins"] = ["losslab plugins", "losslab plugins --json --plugins ./my-plugins"],
        ["run"] =
        [
            "losslab run",
            "losslab run samples/experiments/gamma-sweep.json --out runs/gamma --parallel 2",
            "losslab run --set training.epochs=5 --set losses=bce,focal --quiet",
            "losslab run --resume runs/toy-99to1-20260101-120000",
            "losslab run study.json --shard 0/3 --out runs/study/shard-0   # then merge the shards' folders",
            "losslab run study.json --shard auto --out runs/study/shard-$SLURM_ARRAY_TASK_ID --no-report",
        ],
        ["merge"] =
        [
            "losslab merge runs/study/shard-* --out runs/study/merged",
            "losslab merge shard-0 shard-1 shard-2 --out merged --no-report",
            "losslab run --resume runs/study/merged       # trains the runs no shard held",
        ],
        ["report"] = ["losslab report runs/toy-99to1-20260101-120000/results.json", "losslab report results.json --out report-v2.pdf"],
        ["review"] =
        [
            "losslab review scores.csv --out review/",
            "losslab review scores.csv --split-column split --gates gates.json --prevalence 0.002 --model model.onnx --out review/",
            "losslab review runs/toy/predictions.csv --where loss=focal-g2 --where seed=1 --out review/",
            "losslab review --model runs/toy/models/focal-g2_seed1 --data new-rows.csv --gates gates.json --out review/",
        ],
        ["predict"] =
        [
            "losslab predict runs/toy/models/focal-g2_seed1 --data new-rows.csv --out scores.csv",
            "losslab predict model.onnx --data rows.csv --features a,b,c --output probability --out scores.csv",
            "losslab predict spec.json --data images/ --out scores.csv",
        ],
        ["loss"] = ["losslab loss eval focal --input grid.csv --out focal.csv --set gamma=2"],
        ["loss eval"] = ["losslab loss eval focal --input grid.csv --out focal.csv --set gamma=2 --class-counts 990,10"],
    };

    public static IReadOnlyList<string> For(string verbPath) => Examples.TryGetValue(verbPath, out var examples) ? examples : [];
}
