using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Text;

namespace CrmCx.Domain.Journeys;

/// <summary>
/// When a journey's risk calls for an in-app notification, who receives it and what it says (cx-scoring.md
/// "Closing the loop"). Pure: the plugin writes the appnotification rows this describes.
/// </summary>
public sealed class JourneyAlert
{
    /// <summary>The appnotification data column holds at most this many characters.</summary>
    public const int DataMaximumLength = 5000;

    private JourneyAlert(string title, string body, string data, IReadOnlyList<Guid> recipients)
    {
        Title = title;
        Body = body;
        Data = data;
        Recipients = recipients;
    }

    /// <summary>The notification title.</summary>
    public string Title { get; }
    /// <summary>Plain-text body: customer, journey, reasons.</summary>
    public string Body { get; }
    /// <summary>JSON of the data column: markdown body and the action opening the journey.</summary>
    public string Data { get; }
    /// <summary>Distinct recipients (system users), journey owner first.</summary>
    public IReadOnlyList<Guid> Recipients { get; }

    /// <summary>Whether a journey that was at <paramref name="previous"/> and is now at <paramref name="current"/> alerts: it rose to High while open.</summary>
    public static bool ShouldAlert(RiskLevel? previous, RiskLevel current, bool isOpen) =>
        isOpen && current == RiskLevel.High && previous != RiskLevel.High;

    /// <summary>Whether the journey's cx_flaggedon moves to now: it rose into Medium or High.</summary>
    public static bool RisesToFlag(RiskLevel? previous, RiskLevel current) =>
        (current == RiskLevel.Medium || current == RiskLevel.High) && Severity(current) > Severity(previous);

    /// <summary>Composes the alert for a journey that rose to High, in <paramref name="text"/>'s language (English when null).</summary>
    /// <param name="journeyId">The journey (the action opens it).</param>
    /// <param name="journeyName">Its name.</param>
    /// <param name="customerName">The customer's name.</param>
    /// <param name="riskScore">Risk score.</param>
    /// <param name="reasons">Reason lines, already in the recipient's language.</param>
    /// <param name="owners">Journey owner then account owner; nulls (team owners, no account) and duplicates are dropped.</param>
    /// <param name="text">The recipients' language.</param>
    public static JourneyAlert Compose(Guid journeyId, string? journeyName, string? customerName, int riskScore, IEnumerable<string> reasons, IEnumerable<Guid?> owners, TextCatalog? text = null)
    {
        if (reasons == null) throw new ArgumentNullException(nameof(reasons));
        if (owners == null) throw new ArgumentNullException(nameof(owners));
        var t = text ?? TextCatalog.English;
        var journey = string.IsNullOrWhiteSpace(journeyName) ? t.UnnamedJourney : journeyName!.Trim();
        var customer = string.IsNullOrWhiteSpace(customerName) ? t.UnknownCustomer : customerName!.Trim();
        var lines = reasons.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        var title = t.HighRiskTitle(journey, customer);

        var body = new StringBuilder(t.HighRiskSummary(customer, journey, riskScore));
        foreach (var line in lines) body.Append('\n').Append("- ").Append(line);
        var plain = body.ToString();

        var url = "?pagetype=entityrecord&etn=cx_customerjourney&id=" + journeyId.ToString("D");
        var data = DataJson(Markdown(t, customer, journey, riskScore, lines), url, t);
        // The platform caps data at 5,000 characters: drop reasons from the end rather than send broken JSON.
        var kept = lines.Count;
        while (data.Length > DataMaximumLength && kept > 0)
        {
            kept--;
            data = DataJson(Markdown(t, customer, journey, riskScore, lines.Take(kept).ToList()), url, t);
        }
        if (data.Length > DataMaximumLength) data = DataJson(Truncate(t.HighRiskShort(Escape(customer)), 1000), url, t);

        return new JourneyAlert(title, Truncate(plain, 4000), data, RecipientsOf(owners));
    }

    /// <summary>Distinct recipients (system users) of the owners given, journey owner first; nulls and empty ids dropped.</summary>
    public static IReadOnlyList<Guid> RecipientsOf(IEnumerable<Guid?> owners)
    {
        if (owners == null) throw new ArgumentNullException(nameof(owners));
        return owners.Where(o => o.HasValue && o.Value != Guid.Empty).Select(o => o!.Value).Distinct().ToList();
    }

    private static int Severity(RiskLevel? level) => level.HasValue ? (int)level.Value : 0;

    // Customer and journey names are user text: markdown in them is escaped so a name cannot forge a link.
    private static string Markdown(TextCatalog t, string customer, string journey, int riskScore, IReadOnlyList<string> lines)
    {
        var md = new StringBuilder(t.HighRiskSummaryMarkdown(Escape(customer), Escape(journey), riskScore));
        foreach (var line in lines) md.Append('\n').Append("- ").Append(Escape(line));
        return md.ToString();
    }

    private static string DataJson(string markdownBody, string url, TextCatalog t) =>
        "{\"body\":" + JsonText.Quote(markdownBody)
        + ",\"actions\":[{\"title\":" + JsonText.Quote(t.OpenJourneyAction) + ",\"data\":{\"url\":" + JsonText.Quote(url) + ",\"navigationTarget\":\"newWindow\"}}]}";

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_{}[]()#+!|<>".IndexOf(c) >= 0) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "\u2026";
}
