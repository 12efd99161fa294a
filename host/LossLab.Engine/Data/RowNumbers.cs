using System.Globalization;
using LossLab.Abstractions;

namespace LossLab.Engine.Data;

/// <summary>
/// Every loaded row gets an id before any subsetting, so predictions.csv can be joined back to the data: the plugin's
/// own (<see cref="Dataset.RowIds"/>) when it gives them, else the 1-based position in the rows the plugin returned
/// (for a CSV file, the data row counted from 1 after the header; for generated data, the generation index + 1).
/// </summary>
public static class RowNumbers
{
    /// <summary>The id of the row at 0-based <paramref name="index"/> when the plugin gives none.</summary>
    public static string Of(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    public static Dataset Ensure(Dataset data, string plugin)
    {
        if (data.RowIds is null) return data with { RowIds = [.. Enumerable.Range(0, data.Count).Select(Of)] };
        if (data.RowIds.Count != data.Count)
            throw new InvalidOperationException($"{plugin} returned {data.RowIds.Count} row ids for {data.Count} rows");
        return data;
    }
}
