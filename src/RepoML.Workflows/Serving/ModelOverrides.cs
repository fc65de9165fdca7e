namespace RepoML.Workflows.Serving;

/// <summary>Parses repeated <c>--model NAME=PATH</c> options.</summary>
public static class ModelOverrides
{
    public static IReadOnlyDictionary<string, string> Parse(WorkflowContext context, string[]? values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == value.Length - 1)
            {
                throw WorkflowException.Usage($"--model '{value}': expected DEPLOYMENT=PATH (a model.onnx file or a folder holding one)");
            }

            result[value[..equals]] = context.FullPath(value[(equals + 1)..]);
        }

        return result;
    }
}
