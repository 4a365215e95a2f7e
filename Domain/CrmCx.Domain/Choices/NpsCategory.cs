namespace CrmCx.Domain.Choices;

/// <summary>Choice cx_npscategory.</summary>
public enum NpsCategory
{
    /// <summary>Score 9–10.</summary>
    Promoter = 964000000,
    /// <summary>Score 7–8.</summary>
    Passive = 964000001,
    /// <summary>Score 0–6.</summary>
    Detractor = 964000002,
}
