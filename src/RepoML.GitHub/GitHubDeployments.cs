using System.Collections.ObjectModel;

namespace RepoML.GitHub;

/// <summary>
/// Records a deployment on GitHub (Octokit): a deployment for an environment and its status, success or failure.
/// GitHub's refusals come back as <see cref="HttpRequestException"/>, the error every event sink reports.
/// </summary>
public sealed class GitHubDeployments(IGitHubClient client)
{
    /// <summary>Deployments authenticated with a token against <paramref name="apiBase"/> (default: github.com).</summary>
    public static GitHubDeployments Create(string token, Uri? apiBase = null) =>
        new(new GitHubClient(new ProductHeaderValue("repoml"),
            apiBase ?? GitHubPullRequestPublisher.GitHubDotCom) { Credentials = new Credentials(token) });

    /// <param name="repository">owner/name.</param>
    /// <param name="payload">Kept with the deployment (e.g. the event id it mirrors).</param>
    public async Task RecordAsync(string repository, string gitRef, string environment, string description, IReadOnlyDictionary<string,
        string> payload,
        bool failed, string statusDescription, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var parts = repository.Split('/');
        try
        {
            var created = await client.Repository.Deployment.Create(parts[0], parts[1], new NewDeployment(gitRef)
            {
                Environment = environment,
                Description = description,
                AutoMerge = false,
                RequiredContexts = new Collection<string>(),
                Payload = new Dictionary<string, string>(payload),
            });
            var status = new NewDeploymentStatus(failed ? DeploymentState.Failure : DeploymentState.Success)
            {
                Description = statusDescription,
                Environment = environment,
            };
            await client.Repository.Deployment.Status.Create(parts[0], parts[1], created.Id, status);
        }
        catch (ApiException ex)
        {
            throw new HttpRequestException($"GitHub answered {(int)ex.StatusCode}: {ex.Message}", ex, ex.StatusCode);
        }
    }
}
