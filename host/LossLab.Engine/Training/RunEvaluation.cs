using LossLab.Evaluation;
using LossLab.Evaluation.Experiments;
using LossLab.Evaluation.Results;

namespace LossLab.Engine.Training;

/// <summary>
/// What a run records about its trained model: metrics at 0.5 on validation and test, each
/// threshold objective tuned on validation and judged on test, and temperature scaling fitted on validation when
/// the experiment asks for it.
/// </summary>
internal static class RunEvaluation
{
    public static RunResult Evaluate(RunResult run, RunRequest request, ScoredSplit validation, ScoredSplit test)
    {
        var data = request.Data;
        // Each split sorted once for every threshold objective and metric set.
        var tuneRows = new RankedRows(data.ValidationLabels, validation.Scores);
        var testRows = new RankedRows(data.TestLabels, test.Scores);
        var thresholds = new Dictionary<string, ThresholdResult>();
        foreach (var objective in request.Experiment.Thresholds)
            thresholds[objective.Name] = ThresholdTuner.Evaluate(objective, tuneRows, testRows);
        CalibrationResult? calibration = null;
        if (request.Experiment.Calibrate == CalibrationMode.Temperature)
        {
            var temperature = TemperatureScaling.Fit(data.ValidationLabels, validation.Logits);
            calibration = new CalibrationResult
            {
                Method = "temperature", Temperature = temperature,
                TestEceBefore = Calibration.ExpectedCalibrationError(data.TestLabels, test.Scores),
                TestEceAfter = Calibration.ExpectedCalibrationError(data.TestLabels, TemperatureScaling.Apply(test.Logits, temperature)),
            };
        }
        return run with
        {
            Test = Metrics.Compute(testRows),
            Validation = Metrics.Compute(tuneRows),
            Thresholds = thresholds,
            Calibration = calibration,
            ModelPath = request.ModelFolder,
        };
    }
}
