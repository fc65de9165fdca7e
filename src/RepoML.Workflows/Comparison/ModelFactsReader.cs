namespace RepoML.Workflows.Comparison;

/// <summary>
/// How a model was made, for the report's diff: trainer, hyper-parameters, seed, training rows and features from its
/// model-info.json, and, when its run is known, the commit (and whether the tree was dirty) and the digests of the training
/// job's inputs (its data).
/// </summary>
public static class ModelFactsReader
{
    public static IReadOnlyList<ModelFact> Read(ResolvedModel model, RunArtifacts runs)
    {
        var facts = new List<ModelFact>();
        if (ModelFiles.Resolve(model.Folder).Info is { } info)
        {
            facts.Add(new("trainer", info.Trainer.ToString().ToLowerInvariant()));
            facts.AddRange(info.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p
                => new ModelFact($"param {p.Key}", p.Value.ToString("G6", CultureInfo.InvariantCulture))));
            facts.Add(new("seed", info.Seed.ToString(CultureInfo.InvariantCulture)));
            facts.Add(new("training rows", info.Rows.ToString("N0", CultureInfo.InvariantCulture)));
            facts.Add(new("features", string.Join(", ", info.Features.Select(f => f.Name))));
        }

        if (model.RunId is { } id && runs.Find(id) is { } run)
        {
            facts.Add(new("run", run.RunId));
            facts.Add(new("commit", (run.Git.Commit is { Length: > 12 } c ? c[..12] : run.Git.Commit ?? "unknown") +
                (run.Git.Dirty ? " (dirty working tree)" : "")));
            if (RunArtifacts.ModelJob(run) is { } job)
            {
                facts.AddRange(job.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new ModelFact($"input {i.Key}", Short(i.Value))));
                facts.AddRange(job.Assets.Select(a => new ModelFact($"{a.Kind} {a.Name}", $"{a.Version ?? "?"} ({Short(a.Digest)})")));
            }
        }

        return facts;
    }

    private static string Short(string value) => value.StartsWith("sha256:", StringComparison.Ordinal) && value.Length > 19 ? value[..19] + "…" : value;
}
