using LossLab.Evaluation.Results;
using LossLab.Reports.Tests.Fixtures;
using Xunit;

namespace LossLab.Reports.Tests.Reports;

/// <summary>The model facts of the summary (PDF and summary.md): pretrained weights file, SHA-256 and key lists, frozen parameters.</summary>
public class ModelCardTests
{
    [Fact]
    public void Summary_names_the_weights_file_its_hash_and_the_loaded_new_and_skipped_keys()
    {
        var (results, _) = ExperimentFixture.Build();
        var sha = new string('a', 64);
        results = results with
        {
            Model = new ModelSummary
            {
                Plugin = "resnet", Parameters = 11_177_025, TrainableParameters = 513,
                Weights = new LoadedWeights
                {
                    File = "/data/resnet18-imagenet.pt", Sha256 = sha, Format = "pytorch",
                    Loaded = ["conv1.weight", "bn1.weight", "layer1.0.conv1.weight", "layer1.0.bn1.weight"],
                    New = ["fc.weight", "fc.bias"],
                    Skipped = [new SkippedWeight("fc.weight", [1000, 512], [1, 512]), new SkippedWeight("fc.bias", [1000], [1])],
                },
            },
        };

        var text = SummaryMarkdown.Build(results);

        Assert.Contains("11,177,025 parameters (513 trainable, the rest frozen)", text);
        Assert.Contains($"**Weights**: /data/resnet18-imagenet.pt (pytorch), SHA-256 {sha}", text);
        Assert.Contains("**Weight keys**: loaded 4 keys (conv1 1, bn1 1, layer1 2); new, drawn from the run seed: fc.weight, fc.bias; "
            + "skipped from the file: fc.weight [1000, 512], fc.bias [1000]", text);
    }

    [Fact]
    public void Without_weights_or_frozen_parameters_the_model_line_is_as_before()
    {
        var (results, _) = ExperimentFixture.Build();
        var text = SummaryMarkdown.Build(results);
        Assert.DoesNotContain("Weights", text);
        Assert.DoesNotContain("trainable", text);
    }
}
