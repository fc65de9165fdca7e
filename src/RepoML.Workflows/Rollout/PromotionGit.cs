using System.Globalization;

namespace RepoML.Workflows.Rollout;

/// <summary>What promotion reads from Git with the git command line: the endpoint folder's commit messages and age, and who is asking.</summary>
public static class PromotionGit
{
    /// <summary>Messages of the commits that changed <paramref name="folder"/>, newest first.</summary>
    public static IReadOnlyList<string> Messages(string root, string folder)
    {
        var (code, output) = Run(root, "log", "--format=%B%x1e", "--", folder);
        return code == 0 ? output.Split('\x1e').Select(m => m.Trim()).Where(m => m.Length > 0).ToList() : [];
    }

    /// <summary>When the endpoint folder last changed (the current step's start); null without such a commit.</summary>
    public static DateTimeOffset? LastChange(string root, string folder)
    {
        var (code, output) = Run(root, "log", "-1", "--format=%ct", "--", folder);
        return code == 0 && long.TryParse(output.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    /// <summary>Who asks: the CI user when there is one, else the Git identity.</summary>
    public static string Actor(string root, Func<string, string?> environment)
    {
        if (environment("GITHUB_ACTOR") is { Length: > 0 } actor)
        {
            return $"{actor} (GitHub Actions)";
        }

        if (environment("BUILD_REQUESTEDFOR") is { Length: > 0 } requester)
        {
            return $"{requester} (Azure Pipelines)";
        }

        var name = Run(root, "config", "user.name").Output.Trim();
        var email = Run(root, "config", "user.email").Output.Trim();
        return name.Length > 0 ? $"{name} <{email}>" : "RepoML <repoml@localhost>";
    }

    private static (int Code, string Output) Run(string root, params string[] arguments)
    {
        var (code, output, _) = RepoML.Git.GitProcess.Run(root, arguments);
        return (code, output);
    }
}
