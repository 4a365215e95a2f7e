using System.Collections.Generic;
using System.Linq;
using CrmCx.Model.Tables;

namespace CrmCx.Model.Relationships;

/// <summary>What happens to referencing rows when the referenced row is deleted.</summary>
public enum CascadeDelete
{
    /// <summary>Delete them too (parental).</summary>
    Cascade,
    /// <summary>Clear the lookup and keep them.</summary>
    RemoveLink,
    /// <summary>Refuse the delete while any exist.</summary>
    Restrict,
}

/// <summary>A one-to-many relationship: a lookup on the referencing table to the referenced table.</summary>
public sealed record RelationshipModel(string SchemaName, string ReferencedEntity, string ReferencingEntity, string ReferencingAttribute, bool IsParental)
{
    /// <summary>
    /// Delete behaviour: parental relationships cascade; the others keep the child and clear the lookup unless set
    /// otherwise. A referential relationship with <see cref="CascadeDelete.Cascade"/> deletes the children with their
    /// parent and cascades nothing else (assign, share, reparent).
    /// </summary>
    public CascadeDelete CascadeDelete { get; init; } = IsParental ? CascadeDelete.Cascade : CascadeDelete.RemoveLink;

    /// <summary>
    /// The constant's name in the generated schema (RelationshipSchema in C#, Relationships in schema.g.ts, in camelCase)
    /// for the relationships code names; the others get no constant. Never part of the solution XML.
    /// </summary>
    public string? CodeName { get; init; }
}

/// <summary>Every relationship CrmCx defines.</summary>
public static class CrmCxRelationships
{
    // Declared before All: static initializers run in order.
    /// <summary>The activity tables that may be regarding a survey response, with the plural Dataverse uses in the relationship name.</summary>
    public static IReadOnlyList<(string LogicalName, string Plural)> RegardingActivities { get; } = new[]
    {
        ("task", "Tasks"), ("phonecall", "PhoneCalls"), ("email", "Emails"), ("appointment", "Appointments"),
    };

    /// <summary>The relationships, referenced table first.</summary>
    public static IReadOnlyList<RelationshipModel> All { get; } = new[]
    {
        new RelationshipModel("cx_account_cx_surveyresponse", "account", SurveyResponseTable.LogicalName, "cx_accountid", false) { CodeName = "AccountSurveyResponses" },
        new RelationshipModel("cx_contact_cx_surveyresponse", "contact", SurveyResponseTable.LogicalName, "cx_contactid", false) { CodeName = "ContactSurveyResponses" },
        new RelationshipModel("cx_customerjourney_cx_surveyresponse", CustomerJourneyTable.LogicalName, SurveyResponseTable.LogicalName, "cx_customerjourneyid", false) { CodeName = "JourneySurveyResponses" },
        new RelationshipModel("cx_account_cx_customerjourney", "account", CustomerJourneyTable.LogicalName, "cx_accountid", false),
        new RelationshipModel("cx_contact_cx_customerjourney", "contact", CustomerJourneyTable.LogicalName, "cx_contactid", false),
        new RelationshipModel("cx_customerjourney_cx_journeystagescore", CustomerJourneyTable.LogicalName, JourneyStageScoreTable.LogicalName, "cx_customerjourneyid", true) { CodeName = "JourneyStageScores" },
        // A customer's NPS days go with the customer, but are not assigned or shared with it: they are the system's rows.
        new RelationshipModel("cx_account_cx_npsday", "account", NpsDayTable.LogicalName, "cx_accountid", false) { CascadeDelete = CascadeDelete.Cascade },
        new RelationshipModel("cx_contact_cx_npsday", "contact", NpsDayTable.LogicalName, "cx_contactid", false) { CascadeDelete = CascadeDelete.Cascade },
        // An account's driver days (its per-account summaries for cx_GetDrivers) go with it, as its NPS days do.
        new RelationshipModel("cx_account_cx_driverday", "account", DriverDayTable.LogicalName, "cx_accountid", false) { CascadeDelete = CascadeDelete.Cascade },
    }.Concat(StandardTableExtensions.TouchpointTables.Select(t =>
        new RelationshipModel("cx_customerjourney_" + t, CustomerJourneyTable.LogicalName, t, "cx_customerjourneyid", false) { CodeName = t == "incident" ? "JourneyCases" : null }))
        // Survey responses are activity-enabled: the detractor follow-up task is regarding the response (cx-scoring.md).
        // Dataverse represents that as parental relationships from the table to each activity's regardingobjectid.
        .Concat(RegardingActivities.Select(a =>
            new RelationshipModel(SurveyResponseTable.LogicalName + "_" + a.Plural, SurveyResponseTable.LogicalName, a.LogicalName, "regardingobjectid", true))).ToArray();

}
