namespace RepoML.Core.Events;

/// <summary>
/// The port commands call to announce lifecycle events (register, run, deploy, promote, monitor). The adapter writes the
/// event to a durable outbox first, then delivers it; publishing never fails the command that emits it.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync(LifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default);

    /// <summary>A publisher that drops everything (no events file, tests).</summary>
    public static IEventPublisher None { get; } = new NoPublisher();

    private sealed class NoPublisher : IEventPublisher
    {
        public Task PublishAsync(LifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
