using Xunit;

namespace LossLab.Plugins.Tests.Models;

/// <summary>
/// Test classes that seed torch's global generator and build models from it: xunit runs classes in parallel, and two
/// such classes at once would interleave their draws, so they share this collection and run one after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchGeneratorCollection
{
    public const string Name = "torch global generator";
}
