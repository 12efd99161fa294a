using Microsoft.Extensions.DependencyInjection;

namespace LossLab.Cli;

internal static class ServiceProviderExtensions
{
    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}
