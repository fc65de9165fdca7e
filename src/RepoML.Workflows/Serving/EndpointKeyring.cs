using RepoML.Serving.Security;

namespace RepoML.Workflows.Serving;

/// <summary>The work of <c>repoml endpoint keys</c>: an endpoint's primary and secondary keys, created when missing, kept in .repoml/keys
/// (outside Git).</summary>
public static class EndpointKeyring
{
    /// <param name="regenerate"><c>primary</c> or <c>secondary</c> to replace that key; null to show them.</param>
    /// <returns>The endpoint's name, its keys and the file that holds them.</returns>
    public static (string Endpoint, EndpointKeys Keys, string File) Get(WorkflowContext context, string endpoint, string? regenerate)
    {
        var folder = context.FullPath(endpoint);
        var root = WorkspaceRoot.Find(folder);
        string name;
        try
        {
            name = ServingSpecReader.ReadEndpoint(EndpointFiles.Read(folder, root).Endpoint).Name;
        }
        catch (EndpointLoadException ex)
        {
            throw WorkflowException.Invalid(ex.Message, ex);
        }

        var store = new ApiKeyStore(Path.Combine(root, ".repoml", "keys"));
        try
        {
            var keys = regenerate is null ? store.Get(name) : store.Regenerate(name, regenerate);
            return (name, keys, store.PathOf(name));
        }
        catch (InvalidDataException ex)
        {
            throw WorkflowException.Invalid(ex.Message, ex);
        }
    }
}
