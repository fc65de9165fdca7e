using RepoML.Core.Registry;

namespace RepoML.Events;

/// <summary>The registry seam filled: a committed registration becomes a ModelRegistered event (pending ones wait for their commit).</summary>
public sealed class EventRegistrationListener(IEventPublisher publisher, string source, TimeProvider time) : IRegistrationListener
{
    public Task OnRegisteredAsync(RegisteredVersion version, bool pending, CancellationToken cancellationToken = default)
    {
        if (pending)
        {
            return Task.CompletedTask;
        }

        var record = version.Record;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["digest"] = version.Digest,
            ["commit"] = version.Commit.Sha,
        };
        return publisher.PublishAsync(LifecycleEvents.ModelRegistered(source, time.GetUtcNow(), version.Name,
            version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Tags, properties), cancellationToken);
    }
}
