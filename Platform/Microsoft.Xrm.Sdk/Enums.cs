namespace Microsoft.Xrm.Sdk;

/// <summary>The role of a table in a relationship.</summary>
public enum EntityRole
{
    Referencing = 0,
    Referenced = 1,
}

/// <summary>How Update and Delete treat the row version.</summary>
public enum ConcurrencyBehavior
{
    Default = 0,
    IfRowVersionMatches = 1,
    AlwaysOverwrite = 2,
}

/// <summary>The change state of an entity.</summary>
public enum EntityState
{
    Unchanged = 0,
    Created = 1,
    Changed = 2,
}

/// <summary>The HTTP status a plugin error maps to.</summary>
public enum PluginHttpStatusCode
{
    NotSet = 0,
    BadRequest = 400,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
    MethodNotAllowed = 405,
    RequestTimeout = 408,
    Conflict = 409,
    Gone = 410,
    PreconditionFailed = 412,
    RequestEntityTooLarge = 413,
    FailedDependency = 424,
    TooManyRequests = 429,
    InternalServerError = 500,
    BadGateway = 502,
    ServiceUnavailable = 503,
    GatewayTimeout = 504,
}
