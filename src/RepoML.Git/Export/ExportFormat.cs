namespace RepoML.Git.Export;

/// <summary>File format of a registry export.</summary>
public enum ExportFormat
{
    Csv,
    Parquet,
}
