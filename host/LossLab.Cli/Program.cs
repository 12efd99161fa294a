using LossLab.Cli;

return await LossLabApp.RunAsync(args);
