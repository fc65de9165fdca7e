using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Tests.Grpc;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>A gRPC v2 answer against the REST form's answer to the same request: the same outputs, datatypes and shapes, and
/// the same values (identical, floating-point ones within 1e-5: see <see cref="SameValue"/>).</summary>
internal static class GrpcRestComparison
{
    /// <summary>A gRPC answer in the REST form's JSON shape (outputs with name, datatype, shape and data), as text parsed again, as REST's is.</summary>
    public static JsonObject AsRestJson(ModelInferResponse answer) => JsonNode.Parse(new JsonObject
    {
        ["outputs"] = new JsonArray([.. answer.Outputs.Select((o, k) => (JsonNode)new JsonObject
        {
            ["name"] = o.Name,
            ["datatype"] = o.Datatype,
            ["shape"] = new JsonArray([.. o.Shape.Select(d => (JsonNode)d)]),
            ["data"] = GrpcTensors.AsJson(answer, k),
        })]),
    }.ToJsonString())!.AsObject();

    public static IEnumerable<string> SameAsRest(string name, string form, JsonNode? rest, JsonObject grpc, string restBody)
    {
        if (rest is null)
        {
            yield return $"{name} ({form}): gRPC answered, REST did not: {restBody}";
            yield break;
        }

        var restOutputs = rest["outputs"]!.AsArray();
        foreach (var output in grpc["outputs"]!.AsArray())
        {
            var match = restOutputs.FirstOrDefault(o => o!["name"]!.GetValue<string>() == output!["name"]!.GetValue<string>());
            if (match is null || match["datatype"]!.ToJsonString() != output!["datatype"]!.ToJsonString() || match["shape"]!.ToJsonString() != output["shape"]!.ToJsonString())
            {
                yield return $"{name} ({form}): output '{output!["name"]}' has another datatype or shape than REST's";
                continue;
            }

            var (mine, theirs) = (output["data"]!.AsArray(), match["data"]!.AsArray());
            for (var i = 0; i < mine.Count; i++)
            {
                if (!SameValue(mine[i]!, theirs[i]!, output["datatype"]!.GetValue<string>()))
                {
                    yield return $"{name} ({form}): output '{output["name"]}'[{i}] = {mine[i]!.ToJsonString()}, REST answered {theirs[i]!.ToJsonString()}";
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The same element: identical, except that floating-point elements may be 1e-5 apart (relative, or absolute below
    /// 1). ONNX Runtime's reductions (normalisations, means, einsum) are not bit-reproducible from run to run of the
    /// same model on the same input: their vectorised loops depend on where the input buffers lie, so two REST answers
    /// can differ in the last digits the same way.
    /// </summary>
    private static bool SameValue(JsonNode mine, JsonNode theirs, string datatype)
    {
        if (mine.ToJsonString() == theirs.ToJsonString())
        {
            return true;
        }

        if (datatype is not ("FP32" or "FP16" or "FP64") || mine.GetValueKind() != System.Text.Json.JsonValueKind.Number || theirs.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return false;
        }

        var (a, b) = (mine.GetValue<double>(), theirs.GetValue<double>());
        return Math.Abs(a - b) <= 1e-5 * Math.Max(1, Math.Abs(b));
    }
}
