using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>Routing: the operation of the spec a request is, its checks, then the workspace's answer.</summary>
internal sealed partial class ArmStandIn
{
    private async Task HandleAsync(HttpContext http)
    {
        var method = http.Request.Method;
        var path = http.Request.Path.Value!;
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedHttpRequest(method, path + http.Request.QueryString.Value, headers, System.Text.Encoding.UTF8.GetBytes(body));
        Requests.Enqueue(recorded);
        var (status, answer) = await AnswerAsync(http, method, path, body);
        recorded.Status = status;
        http.Response.StatusCode = status;
        if (answer is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.ToJsonString());
        }
    }

    private async Task<(int Status, JsonNode? Body)> AnswerAsync(HttpContext http, string method, string path, string body)
    {
        if (path.Contains("/mfeOperationsStatus/", StringComparison.Ordinal))
        {
            return OperationStatus(int.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (path.Contains("/mfeOperationResults/", StringComparison.Ordinal))
        {
            var id = int.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var (_, answer) = OperationStatus(id);
            return answer?["status"]?.GetValue<string>() == "Succeeded" ? (200, resources[operations[id].Target].Resource.DeepClone()) : (202, null);
        }

        if (http.Request.Query["api-version"] != options.ApiVersion)
        {
            return Error(400, "InvalidApiVersion", $"this workspace is checked against api-version {options.ApiVersion}, not '{http.Request.Query["api-version"]}'");
        }

        if (SpecRequestCheck.Check(validator, method, path, body) is { } problem)
        {
            return Reject(method, path, 400, problem.Code, problem.Message, problem.Details.Count > 0 ? problem.Details : null);
        }

        var match = validator.Spec.Operation(method, path)!.Value;
        if (method != "GET" && body.Length > 0 && await CheckAsync(method, path, JsonNode.Parse(body)!.AsObject()) is { } refused)
        {
            return Reject(method, path, refused.Status, refused.Code, refused.Message);
        }

        return method switch
        {
            "GET" => Get(path, http.Request.Query),
            "PUT" => Put(path, JsonNode.Parse(body)!.AsObject(), match.Operation, http),
            "POST" when path.EndsWith("/listSecrets", StringComparison.Ordinal) => ListSecrets(),
            _ => Error(405, "MethodNotAllowed", $"{method} {path} is not served by the stand-in"),
        };
    }

    private (int, JsonNode?) Reject(string method, string path, int status, string code, string message, IReadOnlyList<SpecViolation>? details = null)
    {
        foreach (var detail in details ?? [new SpecViolation("", message)])
        {
            Violations.Enqueue($"{method} {path}: {detail}");
        }

        return Error(status, code, message, details);
    }

    private static (int, JsonNode?) Error(int status, string code, string message, IReadOnlyList<SpecViolation>? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = details is { Count: > 0 } ? $"{message}: {string.Join("; ", details)}" : message };
        if (details is { Count: > 0 })
        {
            error["details"] = new JsonArray([.. details.Select(d => (JsonNode)new JsonObject { ["code"] = "SpecViolation", ["target"] = d.Path, ["message"] = d.Message })]);
        }

        return (status, new JsonObject { ["error"] = error });
    }

    private (int, JsonNode?) OperationStatus(int id)
    {
        var (target, polls) = operations[id];
        operations[id] = (target, polls + 1);
        if (polls == 0)
        {
            return (200, new JsonObject { ["status"] = "InProgress" });
        }

        if (resources.TryGetValue(target, out var stored) && stored.Resource["properties"] is JsonObject properties)
        {
            properties["provisioningState"] = "Succeeded";
        }

        return (200, new JsonObject { ["status"] = "Succeeded" });
    }

    private (int, JsonNode?) ListSecrets() => options.AzuriteConnectionString is { } connection
        ? (200, new JsonObject { ["secretsType"] = "AccountKey", ["key"] = Regex.Match(connection, "AccountKey=([^;]+)").Groups[1].Value })
        : Error(404, "DatastoreNotFound", "this stand-in workspace has no datastore");
}
