namespace RepoML.Core.Registry;

/// <summary>
/// The seam where registry changes are announced (the "model registered" lifecycle event). The CLI calls it after a
/// registration commit; the events issue implements it with its sinks. The default does nothing.
/// </summary>
public interface IRegistrationListener
{
    Task OnRegisteredAsync(RegisteredVersion version, bool pending, CancellationToken cancellationToken = default);

    /// <summary>A listener that ignores everything.</summary>
    public static IRegistrationListener None { get; } = new NoListener();

    private sealed class NoListener : IRegistrationListener
    {
        public Task OnRegisteredAsync(RegisteredVersion version, bool pending, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
