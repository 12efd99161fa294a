namespace LossLab.Evaluation;

/// <summary>
/// <see cref="RankingMetrics.RocAuc(int[], double[])"/> for one fixed set of labels scored again and again, as a
/// model's validation rows are after every epoch. Training moves the scores a little from one epoch to the next,
/// so the rows sorted by the previous scores are almost sorted by the new ones: an insertion sort from the previous
/// order costs O(n + inversions) instead of O(n log n), and nothing is allocated per call. When the order changed
/// a lot (early epochs, a large learning rate) the insertion sort gives up after a bounded number of moves and the
/// rows are sorted afresh. The result is the same integer sum as RocAuc's over the same groups of tied scores, so
/// it is bit-identical to it.
/// </summary>
public sealed class IncrementalRocAuc
{
    private readonly int[] _labels;
    private readonly int[] _order;
    private readonly double[] _keys;
    private readonly int _positives;
    private readonly long _moveBudget;

    public IncrementalRocAuc(int[] labels)
    {
        InputChecks.Labels(labels);
        _labels = (int[])labels.Clone();
        _order = new int[labels.Length];
        for (var i = 0; i < _order.Length; i++) _order[i] = i;
        _keys = new double[labels.Length];
        _positives = InputChecks.Positives(labels);
        // About the comparisons of a fresh sort: past that, starting over with Array.Sort is cheaper.
        _moveBudget = 2L * labels.Length * (1 + (long)Math.Log2(labels.Length + 1));
    }

    /// <summary>How many calls had to sort afresh (the rest re-used the previous order).</summary>
    public int FreshSorts { get; private set; }

    /// <summary>
    /// The ROC-AUC of <paramref name="scores"/> (one per label, in the labels' order); NaN when only one class is
    /// present or when any score is not finite (a diverging model), instead of throwing as RocAuc does.
    /// </summary>
    public double Compute(double[] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Length != _labels.Length)
            throw new ArgumentException($"scores has {scores.Length} values for {_labels.Length} labels.", nameof(scores));
        var negatives = _labels.Length - _positives;
        if (_positives == 0 || negatives == 0) return double.NaN;
        for (var i = 0; i < _keys.Length; i++)
        {
            var s = scores[_order[i]];
            if (!double.IsFinite(s)) return double.NaN;
            _keys[i] = s;
        }
        if (!InsertionSort())
        {
            FreshSorts++;
            Array.Sort(_keys, _order);
        }
        return TwiceArea() / (2.0 * _positives * negatives);
    }

    /// <summary>
    /// Sorts keys ascending, moving the order along; false when the move budget ran out. Either way keys[i] is still
    /// the score of row order[i], so Array.Sort can finish the job.
    /// </summary>
    private bool InsertionSort()
    {
        long moves = 0;
        for (var i = 1; i < _keys.Length; i++)
        {
            var key = _keys[i];
            if (_keys[i - 1] <= key) continue;
            var row = _order[i];
            var j = i - 1;
            do
            {
                _keys[j + 1] = _keys[j];
                _order[j + 1] = _order[j];
                j--;
            } while (j >= 0 && _keys[j] > key);
            _keys[j + 1] = key;
            _order[j + 1] = row;
            moves += i - 1 - j;
            if (moves > _moveBudget) return false;
        }
        return true;
    }

    /// <summary>2·P·N·AUC = Σ_k ΔFP_k · (TP_k + TP_{k−1}) over the distinct scores from the highest down, as RocAuc.</summary>
    private long TwiceArea()
    {
        long twiceArea = 0;
        int tp = 0, fp = 0, previousTp = 0, previousFp = 0;
        for (var i = _keys.Length - 1; i >= 0; i--)
        {
            if (_labels[_order[i]] == 1) tp++; else fp++;
            if (i == 0 || _keys[i - 1] != _keys[i])
            {
                twiceArea += (long)(fp - previousFp) * (tp + previousTp);
                previousTp = tp;
                previousFp = fp;
            }
        }
        return twiceArea;
    }
}
