using System.Linq;
using System.Xml.Linq;
using CrmCx.Model.Choices;
using CrmCx.Model.Relationships;
using CrmCx.Model.Security;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>OptionSets/&lt;name&gt;.xml: a global choice.</summary>
public static class OptionSetXml
{
    /// <summary>The optionset element.</summary>
    public static XElement For(ChoiceModel choice) =>
        Root("optionset", new XAttribute("Name", choice.Name), new XAttribute("localizedName", choice.DisplayName.English), new XAttribute("description", choice.Description.English),
            new XElement("OptionSetType", "picklist"),
            new XElement("IsGlobal", "1"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsCustomizable", "1"),
            Labels("displaynames", "displayname", choice.DisplayName),
            Labels("Descriptions", "Description", choice.Description),
            new XElement("options", choice.Options.Select(o => new XElement("option", new XAttribute("value", o.Value), Labels("labels", "label", o.Label)))));
}

/// <summary>Roles/&lt;name&gt;.xml: a security role with its privileges.</summary>
public static class RoleXml
{
    /// <summary>The Role element.</summary>
    public static XElement For(RoleModel role) =>
        Root("Role", new XAttribute("id", Identity.StableId.Braced(role.Id)), new XAttribute("name", role.Name),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("RolePrivileges", role.Privileges.OrderBy(p => p.Name, System.StringComparer.Ordinal)
                .Select(p => new XElement("RolePrivilege", new XAttribute("name", p.Name), new XAttribute("level", p.Depth.ToString())))));
}

/// <summary>Other/Relationships/&lt;Entity&gt;.xml: one-to-many relationships, filed under the referenced table.</summary>
public static class RelationshipXml
{
    /// <summary>The EntityRelationship element.</summary>
    public static XElement For(RelationshipModel r, string referencedSchemaName, string referencingSchemaName)
    {
        // A parental relationship cascades everything; the others only keep the lookup consistent.
        var security = r.IsParental ? "Cascade" : "NoCascade";
        return new XElement("EntityRelationship", new XAttribute("Name", r.SchemaName),
            new XElement("EntityRelationshipType", "OneToMany"),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsHierarchical", "0"),
            new XElement("ReferencingEntityName", referencingSchemaName),
            new XElement("ReferencedEntityName", referencedSchemaName),
            new XElement("CascadeAssign", security),
            new XElement("CascadeDelete", r.CascadeDelete.ToString()),
            new XElement("CascadeReparent", security),
            new XElement("CascadeShare", security),
            new XElement("CascadeUnshare", security),
            new XElement("ReferencingAttributeName", r.ReferencingAttribute),
            new XElement("RelationshipDescription", new XElement("Descriptions")),
            new XElement("EntityRelationshipRoles",
                new XElement("EntityRelationshipRole", new XElement("NavPaneDisplayOption", "UseCollectionName"), new XElement("NavPaneArea", "Details"), new XElement("NavPaneOrder", "10000"), new XElement("NavigationPropertyName", r.ReferencingAttribute), new XElement("RelationshipRoleType", "1")),
                new XElement("EntityRelationshipRole", new XElement("NavigationPropertyName", r.SchemaName), new XElement("RelationshipRoleType", "0"))));
    }
}
