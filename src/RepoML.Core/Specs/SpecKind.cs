namespace RepoML.Core.Specs;

/// <summary>The Azure ML CLI v2 file kinds RepoML reads.</summary>
public enum SpecKind
{
    Model,
    Environment,
    Data,
    ManagedOnlineEndpoint,
    ManagedOnlineDeployment,
    KubernetesOnlineEndpoint,
    KubernetesOnlineDeployment,
    BatchEndpoint,
    BatchDeployment,
    CommandComponent,
    CommandJob,
    PipelineJob,
    SweepJob,
}
