namespace RepoML.Core.Metrics;

/// <summary>The supervised task a model solves; decides which metrics apply. Written in lower case in files.</summary>
public enum MlTask
{
    Binary,
    Multiclass,
    Regression,
}
