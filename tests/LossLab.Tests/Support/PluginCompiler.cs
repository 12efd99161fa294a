using LossLab.Abstractions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossLab.Tests.Support;

/// <summary>Compiles C# source into a real DLL on disk, so plugin-loading tests exercise real files.</summary>
public static class PluginCompiler
{
    public static string Compile(string assemblyName, string source, string outputFolder, params string[] extraReferences)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Concat([typeof(IPlugin).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location, .. extraReferences])
            .Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, assemblyName + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success)
            throw new InvalidOperationException("test plugin did not compile: " + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }
}
