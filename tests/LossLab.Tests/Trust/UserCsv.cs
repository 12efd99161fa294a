using System.Globalization;
using System.Text;

namespace LossLab.Tests.Trust;

/// <summary>
/// The data of issue 17's new user: 5,000 rows, 3 standard normal features, positives the top 1/31 of a learnable
/// score x1 + 0.8·x2² − 0.6·x3 + noise (161 positives, about 30:1). Twenty full-batch Adam steps at 0.01 end well
/// below chance on it (validation ROC-AUC falls from about 0.8 to 0.15); enough minibatch steps reach about 0.99.
/// </summary>
public static class UserCsv
{
    public static string Text(int rows = 5000, int seed = 7)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x = new double[rows][];
        var score = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = [Normal(), Normal(), Normal()];
            score[i] = x[i][0] + 0.8 * x[i][1] * x[i][1] - 0.6 * x[i][2] + 0.7 * Normal();
        }
        var cut = score.OrderByDescending(s => s).ElementAt(rows / 31);
        var text = new StringBuilder("a,b,c,label\n");
        for (var i = 0; i < rows; i++)
            text.Append(string.Join(',', x[i].Select(v => v.ToString("F5", CultureInfo.InvariantCulture)))).Append(',').Append(score[i] > cut ? '1' : '0').Append('\n');
        return text.ToString();
    }

    /// <summary>An experiment that sets only its dataset, as the user wrote it.</summary>
    public const string OnlyDataset = """{ "dataset": { "plugin": "csv", "options": { "path": "user.csv" } } }""";

    /// <summary>The settings the user's run had before: 20 full-batch epochs of Adam at 0.01, the last one scored.</summary>
    public static readonly string[] OldDefaults =
        ["--set", "training.epochs=20", "--set", "training.batch_size=0", "--set", "training.learning_rate=0.01",
         "--set", "training.select_epoch=last", "--set", "training.early_stopping=false"];
}
