using System;
using System.Globalization;

namespace CrmCx.Domain.Recalculation;

/// <summary>What cx_Recalculate recomputes: only the rows whose moment has come, or every row (after a migration).</summary>
public enum RecalculationScope
{
    /// <summary>Rows whose figures change with time (their cx_recalculateon has passed) and responses never classified.</summary>
    Due,
    /// <summary>Responses never classified, then every customer's and journey's figures, rebuilt from the rows at rest.</summary>
    All,
}

/// <summary>The tables a run walks, in order.</summary>
public enum RecalculationPhase
{
    /// <summary>Survey responses written with plug-ins off (no category, no validation error).</summary>
    Responses = 1,
    /// <summary>Accounts.</summary>
    Accounts = 2,
    /// <summary>Contacts.</summary>
    Contacts = 3,
    /// <summary>Customer journeys.</summary>
    Journeys = 4,
}

/// <summary>
/// Where a run of cx_Recalculate stands: its scope, the table it is on and the last row it finished. The caller gets
/// it back as the opaque <c>Continuation</c> string and sends it again until the API returns an empty one.
/// </summary>
public sealed class RecalculationRun
{
    private const string Version = "cx1";

    private RecalculationRun(RecalculationScope scope, RecalculationPhase phase, Guid after)
    {
        Scope = scope;
        Phase = phase;
        After = after;
    }

    /// <summary>The scope.</summary>
    public RecalculationScope Scope { get; }
    /// <summary>The table being walked.</summary>
    public RecalculationPhase Phase { get; }
    /// <summary>The id after which the walk goes on (Guid.Empty at a table's start).</summary>
    public Guid After { get; }

    /// <summary>A run at its start: both scopes first classify the responses written with plug-ins off.</summary>
    public static RecalculationRun Start(RecalculationScope scope) => new RecalculationRun(scope, RecalculationPhase.Responses, Guid.Empty);

    /// <summary>The same run after the row <paramref name="id"/> of its table.</summary>
    public RecalculationRun AfterRow(Guid id) => new RecalculationRun(Scope, Phase, id);

    /// <summary>The run at the start of the next table, or null when this was the last one.</summary>
    public RecalculationRun? NextPhase() =>
        Phase == RecalculationPhase.Journeys ? null : new RecalculationRun(Scope, Phase + 1, Guid.Empty);

    /// <summary>The continuation string (cx1|scope|phase|id).</summary>
    public string Format() =>
        string.Join("|", Version, Scope == RecalculationScope.Due ? "due" : "all", ((int)Phase).ToString(CultureInfo.InvariantCulture), After.ToString("D"));

    /// <summary>The scope named by the Scope parameter: empty means due; anything but due or all is refused naming the parameter.</summary>
    public static RecalculationScope ParseScope(string? scope)
    {
        if (scope == null || scope.Trim().Length == 0) return RecalculationScope.Due;
        switch (scope.Trim().ToLowerInvariant())
        {
            case "due": return RecalculationScope.Due;
            case "all": return RecalculationScope.All;
            default: throw new ArgumentException("Scope must be \"due\" or \"all\"; got \"" + scope + "\".", nameof(scope));
        }
    }

    /// <summary>
    /// The run to go on with: a fresh one for an empty continuation, else the parsed continuation, which must have
    /// been made by this API for the same scope (a malformed one is refused naming the parameter).
    /// </summary>
    public static RecalculationRun Resume(RecalculationScope scope, string? continuation)
    {
        if (continuation == null || continuation.Trim().Length == 0) return Start(scope);
        var parts = continuation.Trim().Split('|');
        int phase;
        Guid after;
        if (parts.Length != 4 || parts[0] != Version || (parts[1] != "due" && parts[1] != "all")
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out phase)
            || phase < (int)RecalculationPhase.Responses || phase > (int)RecalculationPhase.Journeys
            || !Guid.TryParseExact(parts[3], "D", out after))
            throw new ArgumentException("Continuation is not one cx_Recalculate returned (expected an empty value or the Continuation of the previous call); got \"" + continuation + "\".", nameof(continuation));
        var named = parts[1] == "due" ? RecalculationScope.Due : RecalculationScope.All;
        if (named != scope)
            throw new ArgumentException("Continuation belongs to a run of Scope \"" + parts[1] + "\", but Scope is \"" + (scope == RecalculationScope.Due ? "due" : "all") + "\": send the same Scope on every call of a run.", nameof(continuation));
        return new RecalculationRun(scope, (RecalculationPhase)phase, after);
    }
}
