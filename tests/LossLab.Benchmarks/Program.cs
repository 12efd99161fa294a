using BenchmarkDotNet.Running;
using LossLab.Benchmarks;
using LossLab.Benchmarks.Reports;
using LossLab.Engine.Native;

// TorchSharp must not load before libLibTorchSharp.so in this output folder is patched (Debian 12's libstdc++).
TorchRuntime.Prepare();

switch (args.FirstOrDefault())
{
    case "back-to-back":
        return BackToBack.Run(Console.Out, int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    case "epoch-vs-pytorch":
        return EpochAgainstPyTorch.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7);
    case "end-to-end":
        return EndToEnd.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, args.Length > 2 ? args[2] : null);
    case "torch-floor": // what any TorchSharp process pays before its first tensor: runtime start and libtorch's initialisation
        TorchSharp.torch.ones(1).Dispose();
        return 0;
    case "bootstrap-threads":
        return BootstrapThreads.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30);
    case "thread-reductions":
        return ThreadReductions.Run(Console.Out);
    case "memory":
        return TrainingMemoryCheck.Run(Console.Out);
    case "predict-throughput":
        return PredictThroughput.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    case "report-first-render":
        return ReportFirstRender.Run(Console.Out);
    case "profile-training":
        return TrainingProfile.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    case "make-images":
        return ImageData.Make(Console.Out, args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    case "images":
        return ImageData.Measure(Console.Out, args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
            args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0, args.Length > 4 && args[4] == "augment");
    case "resnet-epochs":
        return ResNetEpoch.Run(Console.Out, args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
    case "evaluation-memory":
        return EvaluationMemory.Run(Console.Out, args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
