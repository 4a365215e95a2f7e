namespace CrmCx.Domain.Choices;

/// <summary>Choice cx_channel.</summary>
public enum Channel
{
    /// <summary>Phone.</summary>
    Phone = 964000001,
    /// <summary>Email.</summary>
    Email = 964000002,
    /// <summary>Web.</summary>
    Web = 964000003,
    /// <summary>Field visit.</summary>
    FieldVisit = 964000004,
    /// <summary>Chat.</summary>
    Chat = 964000005,
    /// <summary>Store.</summary>
    Store = 964000006,
    /// <summary>Social.</summary>
    Social = 964000007,
    /// <summary>Survey.</summary>
    Survey = 964000008,
    /// <summary>Other.</summary>
    Other = 964000009,
}
