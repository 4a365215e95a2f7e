using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Journeys;

/// <summary>Writes a journey's computed figures: its stage rows (only those that changed), the journey under its row version, its alert.</summary>
internal sealed class JourneyWriter
{
    private readonly IOrganizationService service;

    public JourneyWriter(IOrganizationService service)
    {
        this.service = service;
    }

    /// <summary>
    /// Upserts (on the alternate key) the stage rows whose figures differ from the stored ones and deletes the rows of
    /// stages that have no figures any more; returns how many rows were written.
    /// </summary>
    /// <remarks>
    /// Stage rows carry no version of their own: a stale recompute may upsert them, but its journey write then fails
    /// and its retry (or the newer recompute that overtook it) compares them again with the rows at rest. Skipping an
    /// unchanged row is therefore safe; the journey itself is always written (see <see cref="TryWriteJourney"/>).
    /// </remarks>
    public int WriteStageScores(JourneyRow journey, JourneyFigures figures, TextCatalog baseText)
    {
        var written = 0;
        var journeyRef = new EntityReference(JourneySchema.EntityName, journey.Id);
        foreach (var stage in figures.Stages)
        {
            var name = StageRowName(journey.Name, stage.Stage, baseText);
            journey.Stages.TryGetValue(stage.Stage, out var stored);
            if (stored != null && Same(stored, stage, name)) continue;
            var keys = new KeyAttributeCollection
            {
                { StageScoreSchema.Journey, journeyRef },
                { StageScoreSchema.Stage, new OptionSetValue(stage.Stage) },
            };
            var row = new Entity(StageScoreSchema.EntityName, keys);
            row[StageScoreSchema.Journey] = journeyRef;
            row[StageScoreSchema.Stage] = new OptionSetValue(stage.Stage);
            row[StageScoreSchema.Name] = name;
            row[StageScoreSchema.Score] = stage.Score;
            row[StageScoreSchema.Nps] = stage.Nps;
            row[StageScoreSchema.ResponseCount] = stage.ResponseCount;
            row[StageScoreSchema.TouchpointCount] = stage.TouchpointCount;
            row[StageScoreSchema.FirstActivityOn] = stage.FirstActivityOn;
            row[StageScoreSchema.LastActivityOn] = stage.LastActivityOn;
            service.Execute(new UpsertRequest { Target = row });
            written++;
        }

        // A stage whose last touchpoint and response left (deleted, re-linked) has no figures any more: its row goes.
        var current = new HashSet<int>(figures.Stages.Select(s => s.Stage));
        foreach (var stale in journey.Stages.Values.Where(s => !current.Contains(s.Stage) && s.Id != Guid.Empty))
        {
            service.Delete(StageScoreSchema.EntityName, stale.Id);
            written++;
        }
        return written;
    }

    /// <summary>
    /// Writes the journey's figures if its version is still the one read; false when someone wrote it since. Written
    /// even when nothing changed: a skipped write would leave the version as it was and let an older concurrent
    /// recompute, which read older rows, land after it.
    /// </summary>
    public bool TryWriteJourney(JourneyRow journey, JourneyFigures figures, RiskAssessment risk, TextCatalog baseText, DateTime now, DateTime? recalculateOn)
    {
        var update = new Entity(JourneySchema.EntityName, journey.Id);
        update[JourneySchema.Score] = figures.Score;
        update[JourneySchema.StartScore] = figures.StartScore;
        update[JourneySchema.ScoreTrend] = figures.Trend;
        update[JourneySchema.Nps] = figures.Nps;
        update[JourneySchema.ResponseCount] = figures.ResponseCount;
        update[JourneySchema.TouchpointCount] = figures.TouchpointCount;
        update[JourneySchema.RepeatContacts] = figures.RepeatContacts;
        update[JourneySchema.RiskScore] = risk.Score;
        update[JourneySchema.RiskLevel] = new OptionSetValue((int)risk.Level);
        update[JourneySchema.RiskReasons] = risk.ReasonTextIn(baseText);
        update[JourneySchema.RiskReasonsJson] = risk.ReasonJson;
        update[JourneySchema.RecalculateOn] = recalculateOn;
        if (JourneyAlert.RisesToFlag(journey.PreviousLevel, risk.Level)) update[JourneySchema.FlaggedOn] = now;
        return OptimisticUpdate.TryUpdate(service, update, journey.Version);
    }

    /// <summary>
    /// The in-app notifications of a journey that rose to High: its owner and the customer's owner (once if the same
    /// user), each in their own language (usersettings.uilanguageid, read with the journey; the base language when
    /// it is not one the catalog has). Returns how many were created.
    /// </summary>
    public int Notify(JourneyRow journey, RiskAssessment risk, Func<int> baseLanguage)
    {
        var customer = journey.Account ?? journey.Contact;
        var languages = new Dictionary<Guid, int?>();
        if (journey.OwnerUser.HasValue) languages[journey.OwnerUser.Value] = journey.OwnerLanguage;
        if (customer?.OwnerUser != null && !languages.ContainsKey(customer.OwnerUser.Value)) languages[customer.OwnerUser.Value] = customer.OwnerLanguage;

        var recipients = JourneyAlert.RecipientsOf(new[] { journey.OwnerUser, customer?.OwnerUser });
        int? baseLcid = null;
        var sent = 0;
        foreach (var recipient in recipients)
        {
            var lcid = languages[recipient];
            if (!TextCatalog.Supports(lcid) && !baseLcid.HasValue) baseLcid = baseLanguage();
            var text = TextCatalog.For(lcid, baseLcid);
            var alert = JourneyAlert.Compose(journey.Id, journey.Name, customer?.Name, risk.Score, risk.Reasons.Select(r => text.Reason(r.Data)), new Guid?[] { recipient }, text);
            var notification = new Entity(AppNotificationSchema.EntityName);
            notification[AppNotificationSchema.Title] = alert.Title;
            notification[AppNotificationSchema.Body] = alert.Body;
            notification[AppNotificationSchema.Owner] = new EntityReference("systemuser", recipient);
            notification[AppNotificationSchema.IconType] = new OptionSetValue(AppNotificationSchema.IconWarning);
            notification[AppNotificationSchema.ToastType] = new OptionSetValue(AppNotificationSchema.ToastTimed);
            notification[AppNotificationSchema.Data] = alert.Data;
            service.Create(notification);
            sent++;
        }
        return sent;
    }

    private static bool Same(StoredStage stored, StageFigures stage, string name) =>
        stored.Name == name && stored.Score == stage.Score && stored.Nps == stage.Nps
        && stored.ResponseCount == stage.ResponseCount && stored.TouchpointCount == stage.TouchpointCount
        && stored.FirstActivityOn == stage.FirstActivityOn && stored.LastActivityOn == stage.LastActivityOn;

    private static string StageRowName(string? journeyName, int stage, TextCatalog text)
    {
        var label = JourneyStages.Find(stage) != null ? text.StageLabel(stage) : stage.ToString(CultureInfo.InvariantCulture);
        var name = string.IsNullOrWhiteSpace(journeyName) ? label : journeyName + " – " + label;
        return name.Length <= 200 ? name : name.Substring(0, 200);
    }
}
