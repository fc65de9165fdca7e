using RepoML.Core.Rollout;

namespace RepoML.Core.Site;

/// <summary>
/// The rollout steps in an endpoint's history: first-parent commits that changed files under <c>endpoints/</c> with a
/// <c>RepoML-Promotion</c> trailer (<see cref="PromotionMessage"/>), each with its action, step and the reason it gave.
/// </summary>
public static class RolloutHistory
{
    public static IReadOnlyList<RolloutEntry> Build(IReadOnlyList<HistoryCommit> history, IReadOnlyList<TrafficChange> traffic)
    {
        // An endpoint's name is in its file; its folder names it where no split was ever read.
        var names = traffic.GroupBy(t => Folder(t.File)).ToDictionary(g => g.Key, g => g.Last().Endpoint, StringComparer.Ordinal);
        var result = new List<RolloutEntry>();
        foreach (var commit in history)
        {
            var lines = commit.Commit.Message.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            var trailer = Value(lines, PromotionMessage.StepTrailer);
            var folder = commit.Changes.Select(c => c.Path)
                .Where(p => p.StartsWith("endpoints/", StringComparison.Ordinal) && p.Count(c => c == '/') >= 2).Select(Folder).FirstOrDefault();
            if (trailer is null || folder is null)
            {
                continue;
            }

            var words = trailer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            result.Add(new RolloutEntry(names.GetValueOrDefault(folder) ?? folder[(folder.LastIndexOf('/') + 1)..], commit.Commit, commit.Position,
                words.ElementAtOrDefault(0) ?? "", words.ElementAtOrDefault(1) ?? "", words.Length >= 4 && words[2] == "step" ? words[3] : "",
                Value(lines, "Why")?.TrimEnd('.'), Value(lines, PromotionMessage.RolledBackTrailer) is not null));
        }

        return result;
    }

    private static string Folder(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 3 ? $"{parts[0]}/{parts[1]}" : path;
    }

    private static string? Value(string[] lines, string name) =>
        lines.Where(l => l.StartsWith(name + ": ", StringComparison.Ordinal)).Select(l => l[(name.Length + 2)..].Trim()).FirstOrDefault();
}
