using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>cx_npsday and cx_npsdaysthrough, additions to data-model.md, as the packed solution carries them.</summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class NpsDayPackagingTests(BuiltSolution built)
{
    private XElement Customizations()
    {
        using var archive = new ZipArchive(new MemoryStream(built.ManagedZip), ZipArchiveMode.Read);
        using var stream = archive.GetEntry("customizations.xml")!.Open();
        return XDocument.Load(stream).Root!;
    }

    private static XElement Entity(XElement customizations, string logicalName) =>
        customizations.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value.Equals(logicalName, StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, XElement> Attributes(XElement entity) =>
        entity.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute").ToDictionary(a => a.Element("LogicalName")!.Value);

    [Fact]
    public void Every_column_of_every_model_table_and_extension_is_in_customizations_with_its_type()
    {
        var customizations = Customizations();
        var types = new Dictionary<string, string> { ["Text"] = "nvarchar", ["Memo"] = "ntext", ["WholeNumber"] = "int", ["Decimal"] = "decimal", ["DateTime"] = "datetime", ["Lookup"] = "lookup", ["Choice"] = "picklist" };
        var owners = CrmCxModel.Tables.Select(t => (t.LogicalName, t.Columns)).Concat(CrmCxModel.Extensions.Select(e => (e.LogicalName, e.Columns)));
        foreach (var (table, columns) in owners)
        {
            var attributes = Attributes(Entity(customizations, table));
            foreach (var column in columns)
            {
                Assert.True(attributes.TryGetValue(column.LogicalName, out var a), $"{table}.{column.LogicalName} missing");
                Assert.Equal(types[column.Kind.ToString()], a!.Element("Type")!.Value);
            }
        }
    }

    [Fact]
    public void Npsday_ships_as_a_table_with_its_columns_and_limits()
    {
        var customizations = Customizations();
        Assert.Contains(customizations.Document!.Root!.Element("Entities")!.Elements("Entity"), e => e.Element("Name")!.Value == "cx_NpsDay");
        var attributes = Attributes(Entity(customizations, "cx_npsday"));
        Assert.Equal("primarykey", attributes["cx_npsdayid"].Element("Type")!.Value);
        Assert.Equal(("nvarchar", "100"), (attributes["cx_name"].Element("Type")!.Value, attributes["cx_name"].Element("MaxLength")!.Value));
        Assert.Contains("PrimaryName", attributes["cx_name"].Element("DisplayMask")!.Value, StringComparison.Ordinal);
        Assert.Equal(("nvarchar", "100"), (attributes["cx_key"].Element("Type")!.Value, attributes["cx_key"].Element("MaxLength")!.Value));
        Assert.Equal(("int", "19000101", "99991231"), Limits(attributes["cx_day"]));
        foreach (var count in new[] { "cx_promoters", "cx_passives", "cx_detractors" })
            Assert.Equal("0", attributes[count].Element("MinValue")!.Value);
        Assert.Equal("datetime", attributes["cx_lastresponseon"].Element("Type")!.Value);
        Assert.Equal(("lookup", "lookup"), (attributes["cx_accountid"].Element("Type")!.Value, attributes["cx_contactid"].Element("Type")!.Value));
        Assert.Contains(Part(built.ManagedZip, "solution.xml").Descendants("RootComponent"), r => (string?)r.Attribute("schemaName") == "cx_npsday" && (string?)r.Attribute("type") == "1");
    }

    [Fact]
    public void Npsday_key_is_declared_on_cx_key_alone()
    {
        var key = Assert.Single(Entity(Customizations(), "cx_npsday").Descendants("EntityKey"));
        Assert.Equal("cx_npsday_key", key.Element("LogicalName")!.Value);
        Assert.Equal(new[] { "cx_key" }, key.Descendants("AttributeName").Select(a => a.Value));
    }

    [Theory]
    [InlineData("cx_account_cx_npsday", "Account", "cx_accountid")]
    [InlineData("cx_contact_cx_npsday", "Contact", "cx_contactid")]
    public void Npsday_lookups_have_relationships_that_cascade_the_delete_and_nothing_else(string name, string referenced, string attribute)
    {
        var r = Customizations().Element("EntityRelationships")!.Elements("EntityRelationship").Single(e => (string?)e.Attribute("Name") == name);
        Assert.Equal(("cx_NpsDay", referenced, attribute), (r.Element("ReferencingEntityName")!.Value, r.Element("ReferencedEntityName")!.Value, r.Element("ReferencingAttributeName")!.Value));
        Assert.Equal("Cascade", r.Element("CascadeDelete")!.Value);
        Assert.All(new[] { "CascadeAssign", "CascadeReparent", "CascadeShare", "CascadeUnshare" }, c => Assert.Equal("NoCascade", r.Element(c)!.Value));
    }

    [Theory]
    [InlineData("account")]
    [InlineData("contact")]
    public void The_customer_carries_cx_npsdaysthrough_but_its_form_does_not(string table)
    {
        var customizations = Customizations();
        var entity = Entity(customizations, table);
        var column = Attributes(entity)["cx_npsdaysthrough"];
        Assert.Equal(("int", "19000101", "99991231"), Limits(column));
        Assert.Equal(new[] { ("1033", "NPS days summarized through"), ("1036", "Jours NPS résumés jusqu'au") },
            column.Element("displaynames")!.Elements("displayname").Select(d => ((string)d.Attribute("languagecode")!, (string)d.Attribute("description")!)));
        Assert.DoesNotContain(entity.Descendants("control"), c => (string?)c.Attribute("datafieldname") == "cx_npsdaysthrough");
    }

    [Fact]
    public void Npsday_ships_one_read_only_main_form_and_the_Active_NPS_days_default_view()
    {
        var entity = Entity(Customizations(), "cx_npsday");
        var forms = entity.Element("FormXml")!.Elements("forms").ToList();
        Assert.Equal("main", (string?)Assert.Single(forms).Attribute("type"));
        var controls = Assert.Single(forms[0].Elements("systemform")).Descendants("control").ToList();
        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.Equal("true", (string?)c.Attribute("disabled")));
        var view = Assert.Single(entity.Descendants("savedquery"), q => q.Element("querytype")!.Value == "0" && q.Element("isdefault")!.Value == "1");
        Assert.Equal(new[] { "Active NPS days", "Jours NPS actifs" }, view.Element("LocalizedNames")!.Elements().Select(l => (string)l.Attribute("description")!));
        Assert.Equal("cx_npsday", view.Descendants("fetch").Single().Element("entity")!.Attribute("name")!.Value);
    }

    [Fact]
    public void The_cx_roles_read_NPS_days_organization_wide_and_the_survey_integration_gets_nothing_on_them()
    {
        var roles = Customizations().Element("Roles")!.Elements("Role").ToDictionary(r => (string)r.Attribute("name")!,
            r => r.Descendants("RolePrivilege").Where(p => ((string)p.Attribute("name")!).EndsWith("cx_npsday", StringComparison.Ordinal))
                .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("level")!));
        Assert.Equal(8, roles["CX Manager"].Count);
        Assert.All(roles["CX Manager"].Values, level => Assert.Equal("Global", level));
        Assert.Equal(new Dictionary<string, string> { ["prvReadcx_npsday"] = "Global" }, roles["CX Agent"]);
        Assert.Empty(roles["CX Survey Integration"]);
    }

    private static (string, string, string) Limits(XElement attribute) =>
        (attribute.Element("Type")!.Value, attribute.Element("MinValue")!.Value, attribute.Element("MaxValue")!.Value);

    private static XDocument Part(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }
}
