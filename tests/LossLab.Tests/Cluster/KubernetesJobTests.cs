using LossLab.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace LossLab.Tests.Cluster;

/// <summary>
/// The Kubernetes samples without a cluster: each index of samples/cluster/k8s/shards-job.yaml runs its container
/// command here with its JOB_COMPLETION_INDEX, then merge-job.yaml's command, the volumes' mount paths mapped to a
/// temporary folder. The merged folder must equal a single-process run of the same experiment file.
/// </summary>
public sealed class KubernetesJobTests
{
    private static readonly string Folder = RepoPaths.Of("samples", "cluster", "k8s");

    [Fact]
    public void The_indexed_job_and_the_merge_job_commands_give_the_single_process_results()
    {
        using var temp = new TempFolder();
        var experiment = RepoPaths.Of("samples", "experiments", "toy-99to1.json");
        var shards = Job("shards-job.yaml");
        var completions = int.Parse(Scalar(shards, "spec", "completions"));
        Assert.Equal("Indexed", Scalar(shards, "spec", "completionMode"));
        var shardScript = Command(shards);
        Assert.Contains($"--shards {completions}", shardScript);

        var mapped = new Dictionary<string, string>
        {
            ["exec losslab "] = $"exec dotnet {Path.Combine(AppContext.BaseDirectory, "losslab.dll")} ",
            ["/experiment/experiment.json"] = experiment,
            ["/results"] = temp.Sub("results"),
        };
        Assert.Equal(new[] { "/results", "/experiment" }, MountPaths(shards));
        foreach (var index in Enumerable.Range(0, completions))
            ShellScript.Run("sh", Map(shardScript, mapped), new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = index.ToString() });
        var merge = Job("merge-job.yaml");
        Assert.Equal(new[] { "/results" }, MountPaths(merge));
        ShellScript.Run("sh", Map(Command(merge), mapped), new Dictionary<string, string>());

        var single = LossLabProcess.Run(temp.Path, "run", experiment, "--out", "single", "--no-report");
        Assert.True(single.ExitCode == 0, single.ToString());
        RunFolderEquality.AssertSameAsSingleProcess(temp.File("single"), temp.File("results/merged"));
    }

    private static YamlMappingNode Job(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, file))));
        var job = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal("Job", Scalar(job, "kind"));
        return job;
    }

    private static YamlMappingNode Container(YamlMappingNode job) =>
        (YamlMappingNode)((YamlSequenceNode)Node(job, "spec", "template", "spec", "containers"))[0];

    /// <summary>The container's command: <c>sh -c SCRIPT</c>, so the shell expands JOB_COMPLETION_INDEX.</summary>
    private static string Command(YamlMappingNode job)
    {
        var command = ((YamlSequenceNode)Node(Container(job), "command")).Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal(new[] { "sh", "-c" }, command.Take(2));
        return command[2];
    }

    private static List<string> MountPaths(YamlMappingNode job) =>
        ((YamlSequenceNode)Node(Container(job), "volumeMounts")).Select(m => Scalar((YamlMappingNode)m, "mountPath")).ToList();

    private static string Map(string script, Dictionary<string, string> paths) =>
        paths.Aggregate(script, (s, p) => s.Replace(p.Key, p.Value));

    private static YamlNode Node(YamlMappingNode node, params string[] path) =>
        path.Aggregate((YamlNode)node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlMappingNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;
}
