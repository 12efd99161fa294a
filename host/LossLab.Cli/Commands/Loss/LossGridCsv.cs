using System.Globalization;
using System.Text;
using LossLab.Engine.Running;
using LossLab.Evaluation;

namespace LossLab.Cli.Commands.Loss;

/// <summary>Reads the logit,target grid of <c>loss eval</c> and writes logit,target,loss,grad.</summary>
public static class LossGridCsv
{
    public static (double[] Logits, double[] Targets) Read(string path)
    {
        using var table = CsvTable.Open(path);
        var logit = table.Column("logit", "logit");
        var target = table.Column("target", "target");
        List<double> logits = [], targets = [];
        while (table.Read())
        {
            logits.Add(table.Number(logit, "logit"));
            targets.Add(table.Label(target));
        }
        if (logits.Count == 0) throw new InvalidInputException($"{path}: no data rows");
        return ([.. logits], [.. targets]);
    }

    public static void Write(string path, double[] logits, double[] targets, double[] loss, double[] grad)
    {
        static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var text = new StringBuilder("logit,target,loss,grad\n");
        for (var i = 0; i < logits.Length; i++) text.Append($"{R(logits[i])},{R(targets[i])},{R(loss[i])},{R(grad[i])}\n");
        AtomicFile.WriteText(path, text.ToString());
    }
}
