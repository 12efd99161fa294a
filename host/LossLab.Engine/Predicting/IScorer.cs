namespace LossLab.Engine.Predicting;

/// <summary>A model that turns a batch of rows into one logit per row.</summary>
public interface IScorer : IDisposable
{
    /// <summary>Logits of <paramref name="rows"/> examples laid out row-major in <paramref name="features"/>
    /// (its first rows × row-length values), each of shape <paramref name="inputShape"/>.</summary>
    double[] Logits(float[] features, int rows, int[] inputShape);
}
