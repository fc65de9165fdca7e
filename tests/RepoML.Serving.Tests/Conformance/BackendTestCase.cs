namespace RepoML.Serving.Tests.Conformance;

/// <summary>One ONNX backend test: a model and its first data set's inputs and expected outputs, matched to the model's names.</summary>
internal sealed record BackendTestCase(string Name, string ModelPath, IReadOnlyList<TensorProto> Inputs, IReadOnlyList<TensorProto> Outputs)
{
    // Random and training-mode operators have no single expected output.
    private static readonly string[] Nondeterministic = ["random", "bernoulli", "dropout", "multinomial"];

    /// <summary>Every backend test model of libonnx-testdata that can be served, and how many models there were.</summary>
    public static (List<BackendTestCase> Cases, int Folders) LoadAll()
    {
        var folders = new[] { "node", "simple", "pytorch-converted", "pytorch-operator" }
            .Select(f => Path.Combine(LibOnnxTestDataFactAttribute.Folder, f))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        return ([.. folders.Select(f => TryLoad(f).Case).OfType<BackendTestCase>()], folders.Count);
    }

    /// <summary>Every case of <see cref="LoadAll"/> as a deployment (<c>model-0</c> … <c>model-N</c>) of the workspace's endpoint.</summary>
    public static (List<BackendTestCase> Cases, int Folders) DeployAll(EndpointWorkspace workspace)
    {
        var (cases, folders) = LoadAll();
        workspace.Endpoint("model-0=100");
        for (var i = 0; i < cases.Count; i++)
        {
            workspace.Deployment($"model-{i}", cases[i].ModelPath);
        }

        return (cases, folders);
    }

    /// <summary>How a server serves every case: no file watching, request bodies up to 64 MiB (the largest tensors).</summary>
    public static ServingOptions Serving(ServingOptions o) => new()
    {
        EndpointFolder = o.EndpointFolder, WorkspaceRoot = o.WorkspaceRoot, WatchFiles = false, MaxRequestBodyBytes = 64 * 1024 * 1024,
    };

    /// <summary>The case, or null with the reason it cannot be served (ONNX Runtime rejects the model, a type JSON cannot carry, …).</summary>
    public static (BackendTestCase? Case, string? Skip) TryLoad(string folder)
    {
        var name = $"{Path.GetFileName(Path.GetDirectoryName(folder))}/{Path.GetFileName(folder)}";
        var data = Path.Combine(folder, "test_data_set_0");
        if (!Directory.Exists(data) || Nondeterministic.Any(n => name.Contains(n, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, "no data set or nondeterministic");
        }

        try
        {
            using var session = OnnxServingSession.Load(Path.Combine(folder, "model.onnx"));
            if (session.Inputs.Concat(session.Outputs).Any(t => t.DataType is null))
            {
                return (null, "non-tensor input or output");
            }

            var inputs = Read(data, "input_*.pb", session.Inputs);
            var outputs = Read(data, "output_*.pb", session.Outputs);
            if (inputs.Count != session.Inputs.Count || outputs.Count != session.Outputs.Count)
            {
                return (null, "optional inputs or outputs omitted");
            }

            return (new BackendTestCase(name, Path.Combine(folder, "model.onnx"), inputs, outputs), null);
        }
        catch (Exception ex) when (ex is RepoML.Core.Scoring.ScoringInputException or NotSupportedException or FormatException)
        {
            return (null, ex.Message);
        }
    }

    private static List<TensorProto> Read(string folder, string pattern, IReadOnlyList<OnnxTensorInfo> declared)
    {
        var files = Directory.GetFiles(folder, pattern).OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f).Split('_')[1],
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var result = new List<TensorProto>();
        for (var i = 0; i < files.Count && i < declared.Count; i++)
        {
            var tensor = TensorProtoReader.Read(File.ReadAllBytes(files[i]));
            // Old test data has no names: the files follow the model's declaration order.
            result.Add(tensor.Name.Length > 0 && declared.Any(d => d.Name == tensor.Name) ? tensor : tensor with { Name = declared[i].Name });
        }

        return result;
    }
}
