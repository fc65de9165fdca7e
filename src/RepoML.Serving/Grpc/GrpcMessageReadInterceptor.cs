using Grpc.Core;
using Grpc.Core.Interceptors;

namespace RepoML.Serving.Grpc;

/// <summary>
/// Marks a call whose request message was read (interceptors run only after gRPC decoded it), so that
/// <see cref="GrpcMalformedMessageStatus"/> can tell a message that is not valid protobuf, the client's mistake, from an
/// error in a handler.
/// </summary>
public sealed class GrpcMessageReadInterceptor : Interceptor
{
    internal const string ReadKey = "repoml.grpc.message-read";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        context.GetHttpContext().Items[ReadKey] = true;
        return continuation(request, context);
    }
}
