LossLab.Engine.Native.TorchRuntime.Prepare();
Console.WriteLine(LossLab.Engine.Native.TorchRuntime.Status);
var t = TorchSharp.torch.ones(3) * 2;
Console.WriteLine(t.sum().item<float>());
