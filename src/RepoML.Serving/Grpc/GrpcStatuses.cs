using Grpc.Core;
using RepoML.Serving.Hosting;

namespace RepoML.Serving.Grpc;

/// <summary>
/// The scoring path's failures as gRPC status codes, as gRPC's own HTTP mapping and google.rpc.Code pair them. Input
/// problems are never <see cref="StatusCode.Internal"/>: that code is kept for the unexpected, whose details stay in the log.
/// </summary>
public static class GrpcStatuses
{
    public static StatusCode CodeOf(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        408 => StatusCode.DeadlineExceeded,
        413 or 429 => StatusCode.ResourceExhausted,
        499 => StatusCode.Cancelled,
        503 => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    public static RpcException Of(ScoringFailure failure) => new(new Status(CodeOf(failure.Status), failure.Detail));
}
