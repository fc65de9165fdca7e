using Grpc.Core;
using Grpc.Core.Interceptors;
using RepoML.Serving.Grpc.Protocol;
using RepoML.Serving.Hosting;
using RepoML.Serving.Security;

namespace RepoML.Serving.Grpc;

/// <summary>
/// <c>auth_mode: key</c> for gRPC, as <see cref="KeyAuthorizationFilter"/> is for REST: the model RPCs (ModelReady,
/// ModelMetadata, ModelInfer) need the metadata entry <c>authorization: Bearer &lt;primary or secondary key&gt;</c>;
/// the server's liveness, readiness and metadata do not, as their REST routes do not.
/// </summary>
public sealed class GrpcKeyInterceptor(EndpointHost host, ApiKeyStore keys) : Interceptor
{
    private static readonly string[] Open = [.. new[] { "ServerLive", "ServerReady", "ServerMetadata" }.Select(m => $"/{GRPCInferenceService.Descriptor.FullName}/{m}")];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (host.State is { Settings.RequiresKey: true } state && !Open.Contains(context.Method)
            && !keys.IsValid(state.Settings.Name, context.RequestHeaders.GetValue("authorization")))
        {
            throw new RpcException(
                new Status(StatusCode.Unauthenticated, "this endpoint uses auth_mode: key; send the metadata 'authorization: Bearer <key>' (see 'repoml endpoint keys')"),
                new Metadata { { "www-authenticate", "Bearer" } });
        }

        return continuation(request, context);
    }
}
