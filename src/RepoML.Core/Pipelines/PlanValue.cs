namespace RepoML.Core.Pipelines;

/// <summary>What a job input is bound to once the pipeline's bindings are followed.</summary>
public abstract record PlanValue;

/// <summary>A literal (number, string, boolean) substituted as text.</summary>
public sealed record LiteralValue(string Value) : PlanValue;

/// <summary>A file or folder in the workspace (workspace-relative path).</summary>
public sealed record LocalPathValue(string Path, bool IsFile) : PlanValue;

/// <summary>An output of an earlier job of the same run.</summary>
public sealed record JobOutputValue(string Job, string Output) : PlanValue;
