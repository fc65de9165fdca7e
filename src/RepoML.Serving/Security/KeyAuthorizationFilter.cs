namespace RepoML.Serving.Security;

/// <summary><c>auth_mode: key</c>: scoring and metadata routes need <c>Authorization: Bearer &lt;primary or secondary key&gt;</c>.</summary>
public sealed class KeyAuthorizationFilter(EndpointHost host, ApiKeyStore keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (host.State is { Settings.RequiresKey: true } state && !keys.IsValid(state.Settings.Name,
            context.HttpContext.Request.Headers.Authorization))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized",
                "this endpoint uses auth_mode: key; send 'Authorization: Bearer <key>' (see 'repoml endpoint keys')");
        }

        return await next(context);
    }
}
