using Google.Protobuf;
using Grpc.Core;
using RepoML.Serving.Grpc.Protocol;

namespace RepoML.Serving.Tests.Grpc;

/// <summary>The v2 protocol over gRPC with a real Grpc.Net.Client against a real Kestrel on 127.0.0.1, next to its REST form.</summary>
public sealed class GrpcInferenceTests(BlueGrpcServer blue) : IClassFixture<BlueGrpcServer>
{
    /// <summary>Each way a request can miss the model: what it changes in the iris request (raw contents for the raw- ones),
    /// and the field the error must name.</summary>
    private static readonly Dictionary<string, (Action<ModelInferRequest> Spoil, string Field)> Mistakes = new()
    {
        ["shape"] = (r => r.Inputs[0].Shape[1] = 2, "inputs[0].shape"),
        ["datatype"] = (r => r.Inputs[0].Datatype = "FP64", "inputs[0].datatype"),
        ["name"] = (r => r.Inputs[0].Name = "sepal", "inputs[0].name"),
        ["missing"] = (r => r.Inputs.RemoveAt(3), "model input 'petal_width' is missing"),
        ["count"] = (r => r.Inputs[0].Contents.Fp32Contents.Add(1f), "inputs[0].contents.fp32_contents"),
        ["raw-length"] = (r => r.RawInputContents[1] = ByteString.CopyFrom(1, 2, 3), "raw_input_contents[1]"),
        ["raw-and-typed"] = (r => r.Inputs[0].Contents = new InferTensorContents(), "inputs[0].contents"),
        ["raw-count"] = (r => r.RawInputContents.RemoveAt(3), "raw_input_contents"),
        ["output"] = (r => r.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "nope" }), "outputs[0].name"),
        ["twice"] = (r => r.Inputs[1].Name = "sepal_length", "inputs[1].name: model input 'sepal_length' is given twice"),
    };

    public static TheoryData<string> MistakeNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Mistakes.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Fact]
    public async Task Should_answer_the_same_scores_as_rest_v2_When_iris_is_inferred_with_typed_and_raw_contents()
    {
        // Given blue, served over REST and gRPC
        var server = blue.Server;
        double[][] rows = [[5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3, 1.3], [7.7, 3.0, 6.1, 2.3]];
        using var rest = await server.Client.PostAsJsonAsync("/v2/models/blue/infer", GrpcRequests.IrisJson(rows));
        var expected = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!;

        // When
        var typed = await server.Grpc!.ModelInferAsync(GrpcRequests.Iris("blue", raw: false, rows));
        var raw = await server.Grpc!.ModelInferAsync(GrpcRequests.Iris("blue", raw: true, rows));

        // Then both carry REST's outputs: typed as typed contents, raw as raw_output_contents
        Assert.Equal(200, (int)rest.StatusCode);
        Assert.Empty(typed.RawOutputContents);
        Assert.Equal(typed.Outputs.Count, raw.RawOutputContents.Count);
        Assert.Equal(("blue", "1", "iris-1"), (typed.ModelName, typed.ModelVersion, typed.Id));
        foreach (var response in new[] { typed, raw })
        {
            var outputs = expected["outputs"]!.AsArray();
            Assert.Equal(outputs.Select(o => o!["name"]!.GetValue<string>()), response.Outputs.Select(o => o.Name));
            for (var i = 0; i < outputs.Count; i++)
            {
                Assert.Equal(outputs[i]!["datatype"]!.GetValue<string>(), response.Outputs[i].Datatype);
                Assert.Equal(outputs[i]!["shape"]!.AsArray().Select(d => d!.GetValue<long>()), response.Outputs[i].Shape);
                Assert.Equal(outputs[i]!["data"]!.ToJsonString(), GrpcTensors.AsJson(response, i).ToJsonString());
            }
        }
    }

    [Fact]
    public async Task Should_answer_liveness_readiness_and_the_rest_metadata_When_asked_over_grpc()
    {
        // Given blue, served over REST and gRPC
        var server = blue.Server;
        var grpc = server.Grpc!;

        // When
        var live = await grpc.ServerLiveAsync(new ServerLiveRequest());
        var ready = await grpc.ServerReadyAsync(new ServerReadyRequest());
        var server_ = await grpc.ServerMetadataAsync(new ServerMetadataRequest());
        var model = await grpc.ModelMetadataAsync(new ModelMetadataRequest { Name = "blue" });
        var rest = await server.Client.GetFromJsonAsync<JsonObject>("/v2/models/blue");
        var restServer = await server.Client.GetFromJsonAsync<JsonObject>("/v2");

        // Then
        Assert.True(live.Live);
        Assert.True(ready.Ready);
        Assert.Equal((restServer!["name"]!.GetValue<string>(), restServer["version"]!.GetValue<string>()), (server_.Name, server_.Version));
        Assert.Equal(rest!["platform"]!.GetValue<string>(), model.Platform);
        Assert.Equal(rest["versions"]!.AsArray().Select(v => v!.GetValue<string>()), model.Versions);
        Assert.Equal(
            rest["inputs"]!.AsArray().Select(i => $"{i!["name"]} {i["datatype"]} {i["shape"]!.ToJsonString()}"),
            model.Inputs.Select(i => $"{i.Name} {i.Datatype} [{string.Join(',', i.Shape)}]"));
        Assert.Equal(rest["outputs"]!.AsArray().Count, model.Outputs.Count);
        Assert.True((await grpc.ModelReadyAsync(new ModelReadyRequest { Name = "blue" })).Ready);
        Assert.True((await grpc.ModelReadyAsync(new ModelReadyRequest { Name = "iris", Version = "1" })).Ready);
        Assert.False((await grpc.ModelReadyAsync(new ModelReadyRequest { Name = "blue", Version = "7" })).Ready);
        Assert.False((await grpc.ModelReadyAsync(new ModelReadyRequest { Name = "nope" })).Ready);
    }

    [Theory]
    [MemberData(nameof(MistakeNames))]
    public async Task Should_answer_invalid_argument_naming_the_field_When_the_request_does_not_fit_the_model(string mistake)
    {
        // Given blue, served over REST and gRPC
        var server = blue.Server;
        var request = GrpcRequests.Iris("blue", raw: mistake.StartsWith("raw", StringComparison.Ordinal));
        Mistakes[mistake].Spoil(request);

        // When
        var error = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(request).ResponseAsync);

        // Then
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(Mistakes[mistake].Field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_not_found_When_the_model_or_its_version_is_not_served()
    {
        // Given blue, served over REST and gRPC
        var server = blue.Server;

        // When
        var unknown = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(GrpcRequests.Iris("nope")).ResponseAsync);
        var request = GrpcRequests.Iris("blue");
        request.ModelVersion = "7";
        var version = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelInferAsync(request).ResponseAsync);
        var metadata = await Assert.ThrowsAsync<RpcException>(() => server.Grpc!.ModelMetadataAsync(new ModelMetadataRequest { Name = "nope" }).ResponseAsync);

        // Then
        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound, StatusCode.NotFound), (unknown.StatusCode, version.StatusCode, metadata.StatusCode));
        Assert.Contains("version '7'", version.Status.Detail, StringComparison.Ordinal);
    }
}
