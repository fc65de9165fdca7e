namespace RepoML.Azure;

/// <summary>An endpoint's <c>identity</c> as ARM's <c>ManagedServiceIdentity</c>.</summary>
public static class AzureMlIdentity
{
    public static JsonObject Body(YamlMapping identity)
    {
        var type = (identity.GetString("type") ?? "").ToLowerInvariant() switch
        {
            "system_assigned" => "SystemAssigned",
            "user_assigned" => "UserAssigned",
            "system_assigned,user_assigned" => "SystemAssigned,UserAssigned",
            "none" => "None",
            var other => throw new AzureMlSpecException(identity, $"identity type '{other}' is not system_assigned, user_assigned or none"),
        };
        var body = new JsonObject { ["type"] = type };
        if (identity.GetSequence("user_assigned_identities") is { } identities)
        {
            body["userAssignedIdentities"] = new JsonObject(identities.Items.Select(i => KeyValuePair.Create(
                (i as YamlMapping)?.GetString("resource_id") ?? throw new AzureMlSpecException(i, "a user assigned identity needs a resource_id"),
                (JsonNode?)new JsonObject())));
        }

        return body;
    }
}
