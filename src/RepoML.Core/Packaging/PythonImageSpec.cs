namespace RepoML.Core.Packaging;

/// <summary>
/// A Python deployment (<c>code_configuration</c> with a <c>.py</c> scoring script on a conda environment), run in
/// the image by Azure ML's inference HTTP server (<c>azmlinfsrv</c>, package azureml-inference-server-http).
/// </summary>
/// <param name="BaseImage">The environment's <c>image:</c>.</param>
/// <param name="CondaFile">The conda file's name inside the context's environment folder; null when the environment has none.</param>
/// <param name="ScoringScript">The script, relative to the code folder (<c>score.py</c>).</param>
public sealed record PythonImageSpec(PackageLineage Lineage, string BaseImage, string? CondaFile, string ScoringScript, int Port = 5001);
