using System;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>The standard Dataverse tables every in-memory org starts with, with the columns CrmCx and its tests use.</summary>
public static class StandardTables
{
    private static readonly string[] Regarding = { "account", "contact", "incident" };

    /// <summary>Defines systemuser, usersettings, team, businessunit, organization, account, contact, incident, the activity tables, appnotification and the environment variable tables.</summary>
    public static void ApplyTo(MetadataStore metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);

        // organization.languagecode: the base language (LCID) of the organization; usersettings (primary key systemuserid,
        // the user's id) carries uilanguageid, the user's UI language (LCID). Both from learn.microsoft.com's table
        // references (power-apps/developer/data-platform/reference/entities/organization and usersettings).
        metadata.Define(new TableDefinition("organization", "name", OwnershipType.OrganizationOwned)
            .Add(new ColumnDefinition("languagecode", ColumnType.Integer) { MinValue = 0, MaxValue = 2_147_483_647 }));
        metadata.Define(new TableDefinition("usersettings", string.Empty, OwnershipType.OrganizationOwned, primaryIdAttribute: "systemuserid")
            .Add(new ColumnDefinition("uilanguageid", ColumnType.Integer) { MinValue = 0, MaxValue = 2_147_483_647 })
            .Add(new ColumnDefinition("localeid", ColumnType.Integer) { MinValue = 0, MaxValue = 2_147_483_647 }));
        metadata.Define(new TableDefinition("businessunit", "name", OwnershipType.OrganizationOwned)
            .Add(Lookup("parentbusinessunitid", "businessunit")));
        metadata.Define(new TableDefinition("systemuser", "fullname", OwnershipType.OrganizationOwned)
            .Add(Text("firstname", 64)).Add(Text("lastname", 64)).Add(Text("domainname", 1024))
            .Add(Text("internalemailaddress", 100)).Add(new ColumnDefinition("isdisabled", ColumnType.Boolean))
            .Add(Lookup("businessunitid", "businessunit")));
        metadata.Define(new TableDefinition("team", "name", OwnershipType.OrganizationOwned)
            .Add(Lookup("businessunitid", "businessunit")));

        metadata.Define(new TableDefinition("account", "name")
            .Add(Text("name", 160)).Add(Text("accountnumber", 20)).Add(Text("emailaddress1", 100)).Add(Text("telephone1", 50))
            .Add(Text("address1_city", 80)).Add(Memo("description", 2000))
            .Add(new ColumnDefinition("numberofemployees", ColumnType.Integer) { MinValue = 0, MaxValue = 1_000_000_000 })
            .Add(new ColumnDefinition("revenue", ColumnType.Money) { MinValue = 0, MaxValue = 100_000_000_000_000m, Precision = 2 })
            .Add(new ColumnDefinition("industrycode", ColumnType.Picklist))
            .Add(new ColumnDefinition("customertypecode", ColumnType.Picklist))
            .Add(Lookup("primarycontactid", "contact")).Add(Lookup("parentaccountid", "account")));

        metadata.Define(new TableDefinition("contact", "fullname")
            .Add(Text("fullname", 160)).Add(Text("firstname", 50)).Add(Text("lastname", 50))
            .Add(Text("emailaddress1", 100)).Add(Text("telephone1", 50)).Add(Text("mobilephone", 50)).Add(Text("jobtitle", 100))
            .Add(Memo("description", 2000)).Add(new ColumnDefinition("birthdate", ColumnType.DateTime))
            .Add(new ColumnDefinition("donotemail", ColumnType.Boolean))
            .Add(new ColumnDefinition("preferredcontactmethodcode", ColumnType.Picklist) { Options = new[] { 1, 2, 3, 4, 5 } })
            .Add(new ColumnDefinition("parentcustomerid", ColumnType.Customer) { Targets = new[] { "account", "contact" } }));

        metadata.Define(new TableDefinition("incident", "title")
            .Add(Text("title", 200)).Add(Text("ticketnumber", 100)).Add(Memo("description", 2000))
            .Add(new ColumnDefinition("customerid", ColumnType.Customer) { Targets = new[] { "account", "contact" } })
            .Add(new ColumnDefinition("prioritycode", ColumnType.Picklist) { Options = new[] { 1, 2, 3 } })
            .Add(new ColumnDefinition("caseorigincode", ColumnType.Picklist))
            .Add(Lookup("primarycontactid", "contact"))
            // incident: Active (In Progress 1, On Hold 2, Waiting for Details 3, Researching 4), Resolved (Problem Solved 5,
            // Information Provided 1000), Canceled (Canceled 6, Merged 2000).
            .DefineState(0, 1, 2, 3, 4).DefineState(1, 5, 1000).DefineState(2, 6, 2000));

        // Activity states: Open 0, Completed 1, Canceled 2 (appointment adds Scheduled 3); default statuses per table.
        metadata.Define(Activity("task").Add(new ColumnDefinition("percentcomplete", ColumnType.Integer) { MinValue = 0, MaxValue = 100 })
            .DefineState(0, 2, 3, 4, 7).DefineState(1, 5).DefineState(2, 6));
        metadata.Define(Activity("phonecall").Add(Text("phonenumber", 200)).Add(new ColumnDefinition("directioncode", ColumnType.Boolean))
            .DefineState(0, 1).DefineState(1, 2, 4).DefineState(2, 3));
        metadata.Define(Activity("email").Add(Text("sender", 250)).Add(Text("torecipients", 500)).Add(new ColumnDefinition("directioncode", ColumnType.Boolean))
            .DefineState(0, 1, 8).DefineState(1, 2, 3, 4, 6, 7).DefineState(2, 5));
        metadata.Define(Activity("appointment").Add(Text("location", 200))
            .DefineState(0, 1, 2).DefineState(1, 3).DefineState(2, 4).DefineState(3, 5));

        metadata.Define(new TableDefinition("appnotification", "title")
            .Add(Text("title", 200)).Add(Memo("body", 5000)).Add(Memo("data", 5000))
            .Add(new ColumnDefinition("icontype", ColumnType.Picklist) { Options = new[] { 100000000, 100000001, 100000002, 100000003, 100000004, 100000005 } })
            .Add(new ColumnDefinition("toasttype", ColumnType.Picklist) { Options = new[] { 200000000, 200000001 } })
            .Add(new ColumnDefinition("priority", ColumnType.Picklist) { Options = new[] { 200000000, 200000001, 200000002, 200000003 } })
            .Add(new ColumnDefinition("ttlinseconds", ColumnType.Integer) { MinValue = 0 })
            .Add(new ColumnDefinition("isread", ColumnType.Boolean)));

        // Environment variables, as a plug-in reads them (a definition with its default, and the environment's value if set).
        // Columns from MicrosoftDocs/powerapps-docs powerapps-docs/developer/data-platform/reference/entities/
        // environmentvariabledefinition.md (commit 005fe887c994d4e1f1dcc3aff9b9a7f534ae0482): primary name schemaname
        // (String 100), displayname (String 100), defaultvalue and description (Memo 2000), type (Picklist: 100000000 String,
        // 100000001 Number, 100000002 Boolean, 100000003 JSON, 100000004 Data Source), user-owned; and
        // environmentvariablevalue.md (commit 03cac83498962d24335cdfbac4023946e1febf1e): schemaname (String 100), value
        // (Memo 2000), environmentvariabledefinitionid (Lookup to environmentvariabledefinition), user-owned.
        metadata.Define(new TableDefinition("environmentvariabledefinition", "schemaname")
            .Add(Text("schemaname", 100)).Add(Text("displayname", 100)).Add(Memo("defaultvalue", 2000)).Add(Memo("description", 2000))
            .Add(new ColumnDefinition("type", ColumnType.Picklist) { Options = new[] { 100000000, 100000001, 100000002, 100000003, 100000004 } }));
        metadata.Define(new TableDefinition("environmentvariablevalue", "schemaname")
            .Add(Text("schemaname", 100)).Add(Memo("value", 2000))
            .Add(Lookup("environmentvariabledefinitionid", "environmentvariabledefinition")));

        // environmentvariablevalue.md, Many-to-One relationships: environmentvariabledefinition_environmentvariablevalue,
        // ReferencedAttribute environmentvariabledefinitionid, ReferencingAttribute environmentvariabledefinitionid.
        metadata.DefineRelationship(RelationshipDefinition.OneToMany("environmentvariabledefinition_environmentvariablevalue",
            "environmentvariabledefinition", "environmentvariablevalue", "environmentvariabledefinitionid"));
        metadata.DefineRelationship(RelationshipDefinition.OneToMany("contact_customer_accounts", "account", "contact", "parentcustomerid"));
        metadata.DefineRelationship(RelationshipDefinition.OneToMany("account_primary_contact", "contact", "account", "primarycontactid"));
        metadata.DefineRelationship(RelationshipDefinition.OneToMany("account_parent_account", "account", "account", "parentaccountid"));
        metadata.DefineRelationship(RelationshipDefinition.OneToMany("incident_customer_accounts", "account", "incident", "customerid"));
        metadata.DefineRelationship(RelationshipDefinition.OneToMany("incident_customer_contacts", "contact", "incident", "customerid"));
        foreach (var activity in new[] { "task", "phonecall", "email", "appointment" })
        {
            foreach (var regarding in Regarding)
            {
                var prefix = char.ToUpperInvariant(regarding[0]) + regarding[1..];
                var suffix = char.ToUpperInvariant(activity[0]) + activity[1..];
                metadata.DefineRelationship(RelationshipDefinition.OneToMany($"{prefix}_{suffix}s", regarding, activity, "regardingobjectid"));
            }
        }
    }

    private static TableDefinition Activity(string logicalName) =>
        new TableDefinition(logicalName, "subject", OwnershipType.UserOwned, isActivity: true)
            .Add(Text("subject", 400)).Add(Memo("description", 100000))
            .Add(new ColumnDefinition("regardingobjectid", ColumnType.Lookup) { Targets = Regarding })
            .Add(new ColumnDefinition("scheduledstart", ColumnType.DateTime)).Add(new ColumnDefinition("scheduledend", ColumnType.DateTime))
            .Add(new ColumnDefinition("actualstart", ColumnType.DateTime)).Add(new ColumnDefinition("actualend", ColumnType.DateTime))
            .Add(new ColumnDefinition("actualdurationminutes", ColumnType.Integer) { MinValue = 0, MaxValue = 2_147_483_647 })
            .Add(new ColumnDefinition("prioritycode", ColumnType.Picklist) { Options = new[] { 0, 1, 2 } })
            .Add(new ColumnDefinition("activitytypecode", ColumnType.EntityName) { IsSystemManaged = true });

    private static ColumnDefinition Text(string name, int maxLength) => new(name, ColumnType.String) { MaxLength = maxLength };

    private static ColumnDefinition Memo(string name, int maxLength) => new(name, ColumnType.Memo) { MaxLength = maxLength };

    private static ColumnDefinition Lookup(string name, string target) => new(name, ColumnType.Lookup) { Targets = new[] { target } };
}
