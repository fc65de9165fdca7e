using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RepoML.Serving.Grpc;

/// <summary>
/// gRPC answers a request message it cannot decode as UNKNOWN ("Exception was thrown by handler."), which reads as a
/// server error. No handler ran then (<see cref="GrpcMessageReadInterceptor"/> never marked the call), so the status is
/// the client's: INVALID_ARGUMENT with a reason. The answer is trailers-only (no message was sent), so its status is
/// still in the unsent response headers when the call returns here.
/// </summary>
public static class GrpcMalformedMessageStatus
{
    private const string Reason = "the request message is not valid protobuf for this RPC";

    public static IApplicationBuilder UseGrpcMalformedMessageStatus(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (!http.Response.HasStarted && !http.Items.ContainsKey(GrpcMessageReadInterceptor.ReadKey)
            && http.Response.Headers["grpc-status"] == ((int)StatusCode.Unknown).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            http.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers["grpc-message"] = Uri.EscapeDataString(Reason);
        }
    });
}
