namespace LossLab.Evaluation;

/// <summary>
/// One set of scores sorted once, then scored under many bootstrap resamples given as row multiplicities
/// (w_i = how many times row i was drawn). A resample with multiplicities is the same multiset as the
/// materialised resample, so ranking metrics over groups of equal scores equal <see cref="RankingMetrics"/> on
/// it, at O(n) per resample and no sort. Scores must be probabilities for Brier, log loss and the calibration
/// errors to mean anything (<see cref="PairedBootstrap"/> passes them; its metrics do not use those).
/// Evaluating writes buffers the instance holds, so one instance serves one thread at a time; other threads take
/// <see cref="WithOwnBuffers"/>, which shares the sorted rows (never written after construction).
/// </summary>
internal sealed class WeightedSample
{
    private const int CalibrationBins = 10;

    private readonly int[] _order;      // row indices by decreasing score
    private readonly int[] _labels;     // labels in that order
    private readonly double[] _scores;  // scores in that order
    private readonly double[] _logLoss; // per-row log loss term, in that order
    private readonly int[] _bin;        // equal-width calibration bin, in that order
    private readonly int[] _cuts;       // per threshold: how many sorted rows have score ≥ it
    private readonly long[] _tpAtCut, _fpAtCut;
    private readonly long[] _binCount = new long[CalibrationBins], _binPositives = new long[CalibrationBins];
    private readonly double[] _binScores = new double[CalibrationBins];
    private readonly double? _prevalence;
    private readonly long[] _groupTp, _groupFp; // cumulative counts after each group of equal scores

    /// <param name="thresholds">Thresholds at which <see cref="Evaluate(int[], Span{ConfusionCounts})"/> reports
    /// the confusion counts (positive when score ≥ t).</param>
    /// <param name="deploymentPrevalence">When given, each resample also reports its average precision re-weighted to
    /// this prevalence (<see cref="PrevalenceReweighting.AveragePrecision"/>, weight from the resample's class counts).</param>
    public WeightedSample(int[] labels, double[] scores, IReadOnlyList<double> thresholds, double? deploymentPrevalence = null)
    {
        _prevalence = deploymentPrevalence;
        int n = scores.Length;
        var keys = new double[n];
        _order = new int[n];
        for (int i = 0; i < n; i++) { keys[i] = -scores[i]; _order[i] = i; }
        Array.Sort(keys, _order);
        _labels = new int[n];
        _scores = new double[n];
        _logLoss = new double[n];
        _bin = new int[n];
        for (int j = 0; j < n; j++)
        {
            _labels[j] = labels[_order[j]];
            double s = _scores[j] = scores[_order[j]];
            double p = Math.Clamp(s, ProbabilisticMetrics.LogLossEpsilon, 1 - ProbabilisticMetrics.LogLossEpsilon);
            _logLoss[j] = -(_labels[j] == 1 ? Math.Log(p) : Math.Log(1 - p));
            _bin[j] = s is >= 0 and <= 1 ? EqualWidthBins.IndexOf(s, CalibrationBins) : 0;
        }
        _cuts = new int[thresholds.Count];
        for (int t = 0; t < _cuts.Length; t++)
        {
            int cut = 0;
            while (cut < n && _scores[cut] >= thresholds[t]) cut++;
            _cuts[t] = cut;
        }
        _tpAtCut = new long[_cuts.Length];
        _fpAtCut = new long[_cuts.Length];
        _groupTp = _prevalence is null ? [] : new long[n];
        _groupFp = _prevalence is null ? [] : new long[n];
    }

    /// <summary>The same sorted rows and thresholds (shared, read only) with buffers of its own, for another thread:
    /// its results are those of this instance, bit for bit, without sorting again.</summary>
    public WeightedSample WithOwnBuffers() => new(this);

    private WeightedSample(WeightedSample rows)
    {
        (_order, _labels, _scores, _logLoss, _bin, _cuts, _prevalence) =
            (rows._order, rows._labels, rows._scores, rows._logLoss, rows._bin, rows._cuts, rows._prevalence);
        _tpAtCut = new long[_cuts.Length];
        _fpAtCut = new long[_cuts.Length];
        _groupTp = new long[rows._groupTp.Length];
        _groupFp = new long[rows._groupFp.Length];
    }

    public int Length => _order.Length;

    /// <summary>Metrics of the resample with multiplicity <c>weights[i]</c> for row i (original order).</summary>
    /// <param name="f1">Receives F1 at each threshold given to the constructor.</param>
    public ResampleMetrics Evaluate(int[] weights, Span<double> f1)
    {
        Span<ConfusionCounts> counts = stackalloc ConfusionCounts[_cuts.Length];
        var metrics = Evaluate(weights, counts);
        for (int t = 0; t < _cuts.Length; t++) f1[t] = counts[t].F1;
        return metrics;
    }

    /// <summary>Metrics of the resample with multiplicity <c>weights[i]</c> for row i (original order).</summary>
    /// <param name="counts">Receives the confusion counts at each threshold given to the constructor.</param>
    public ResampleMetrics Evaluate(int[] weights, Span<ConfusionCounts> counts)
    {
        long tp = 0, fp = 0, twiceArea = 0;
        double apSum = 0, squares = 0, logLoss = 0;
        int groups = 0;
        Array.Clear(_binCount);
        Array.Clear(_binPositives);
        Array.Clear(_binScores);
        int n = _order.Length;
        int j = 0;
        while (j < n)
        {
            // One group of equal scores = one candidate threshold.
            long groupTp = 0, groupFp = 0;
            double score = _scores[j];
            do
            {
                int w = weights[_order[j]];
                CaptureCuts(j, tp + groupTp, fp + groupFp);
                if (_labels[j] == 1) groupTp += w; else groupFp += w;
                double d = _scores[j] - _labels[j];
                squares += w * d * d;
                logLoss += w * _logLoss[j];
                int b = _bin[j];
                _binCount[b] += w;
                _binPositives[b] += w * _labels[j];
                _binScores[b] += w * _scores[j];
                j++;
            } while (j < n && _scores[j] == score);
            // Trapezoid AUC and step AP, as in RankingMetrics, with multiplicities for counts.
            twiceArea += groupFp * (2 * tp + groupTp);
            tp += groupTp;
            fp += groupFp;
            if (groupTp > 0) apSum += (double)groupTp * tp / (tp + fp);
            if (_prevalence is not null) { _groupTp[groups] = tp; _groupFp[groups] = fp; groups++; }
        }
        CaptureCuts(n, tp, fp);

        for (int t = 0; t < _cuts.Length; t++)
            counts[t] = new ConfusionCounts(
                (int)_tpAtCut[t], (int)_fpAtCut[t], (int)(fp - _fpAtCut[t]), (int)(tp - _tpAtCut[t]));

        // ECE and MCE as in Calibration: Σ_b (n_b/n)·|acc_b − conf_b| and max_b |acc_b − conf_b|.
        long total = tp + fp;
        double ece = 0, mce = 0;
        for (int b = 0; b < CalibrationBins; b++)
        {
            if (_binCount[b] == 0) continue;
            double gap = Math.Abs(_binPositives[b] - _binScores[b]);
            ece += gap / total;
            mce = Math.Max(mce, gap / _binCount[b]);
        }
        bool bothClasses = tp > 0 && fp > 0;
        double deployedAp = double.NaN;
        if (_prevalence is { } pi && bothClasses)
        {
            // Step AP with negatives weighted w = (1 − π)/π · P/N, as PrevalenceReweighting.AveragePrecision.
            double w = (1 - pi) / pi * tp / fp, sum = 0;
            long previous = 0;
            for (int g = 0; g < groups; g++)
            {
                long gain = _groupTp[g] - previous;
                if (gain > 0) sum += gain * (_groupTp[g] / (_groupTp[g] + w * _groupFp[g]));
                previous = _groupTp[g];
            }
            deployedAp = sum / tp;
        }
        return new ResampleMetrics(
            bothClasses ? twiceArea / (2.0 * tp * fp) : double.NaN,
            bothClasses ? apSum / tp : double.NaN,
            squares / total,
            logLoss / total,
            ece,
            mce,
            deployedAp);
    }

    private void CaptureCuts(int position, long tp, long fp)
    {
        for (int t = 0; t < _cuts.Length; t++)
            if (_cuts[t] == position) { _tpAtCut[t] = tp; _fpAtCut[t] = fp; }
    }
}

/// <summary>Threshold-free metrics of one resample; NaN for AUC and AP when it holds one class only, and for the
/// deployment AP when no deployment prevalence was given.</summary>
internal readonly record struct ResampleMetrics(
    double RocAuc, double AveragePrecision, double Brier, double LogLoss, double Ece, double Mce, double DeploymentAveragePrecision = double.NaN);
