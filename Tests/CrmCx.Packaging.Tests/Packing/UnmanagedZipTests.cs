using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// A form difference (solutionaction) is valid only in a managed solution: the unmanaged zip carries no change to
/// Microsoft's account, contact and case forms, the managed zip still adds the panel.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class UnmanagedZipTests(BuiltSolution built)
{
    private static readonly Guid[] MicrosoftForms = { FormCatalog.AccountMainForm, FormCatalog.ContactMainForm, FormCatalog.CaseMainForm };

    private static XElement Part(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(name)!.Open();
        return XDocument.Load(stream).Root!;
    }

    private static string Braced(Guid id) => "{" + id.ToString("D") + "}";

    [Fact]
    public void The_unmanaged_zip_has_no_solutionaction_anywhere()
    {
        using var archive = new ZipArchive(new MemoryStream(built.UnmanagedZip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            Assert.DoesNotContain(XDocument.Load(stream).Descendants().Attributes(), a => a.Name.LocalName == "solutionaction");
        }
    }

    [Fact]
    public void The_unmanaged_zip_carries_neither_Microsofts_forms_nor_their_root_components()
    {
        var forms = Part(built.UnmanagedZip, "customizations.xml").Descendants("systemform").Select(f => f.Element("formid")!.Value).ToList();
        Assert.NotEmpty(forms);
        Assert.All(MicrosoftForms, id => Assert.DoesNotContain(Braced(id), forms));
        var roots = Part(built.UnmanagedZip, "solution.xml").Descendants("RootComponent").Select(r => (string?)r.Attribute("id")).ToList();
        Assert.All(MicrosoftForms, id => Assert.DoesNotContain(Braced(id), roots));
        // The columns CrmCx adds to those tables still travel, in the tables' shells.
        var account = Part(built.UnmanagedZip, "customizations.xml").Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == "Account");
        Assert.Contains(account.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute"), a => a.Element("LogicalName")!.Value == "cx_nps");
    }

    [Fact]
    public void The_managed_zip_still_adds_the_panel_and_the_library_to_Microsofts_forms_with_their_root_components()
    {
        var customizations = Part(built.ManagedZip, "customizations.xml");
        var roots = Part(built.ManagedZip, "solution.xml").Descendants("RootComponent").Where(r => (string?)r.Attribute("type") == "60").Select(r => (string?)r.Attribute("id")).ToList();
        foreach (var id in MicrosoftForms)
        {
            var form = customizations.Descendants("systemform").Single(f => f.Element("formid")!.Value == Braced(id));
            Assert.Contains(form.Descendants(), e => (string?)e.Attribute("solutionaction") == "Added");
            Assert.Contains(Braced(id), roots);
        }
        // Account, contact and case (Microsoft's) and the journey form (CrmCx's own).
        Assert.Equal(4, customizations.Descendants("control").Count(c => (string?)c.Attribute("id") == FormCatalog.PanelControlId));
    }

    [Fact]
    public void Solution_holds_Microsofts_forms_only_as_managed_files()
    {
        foreach (var (entity, id) in new[] { ("Account", FormCatalog.AccountMainForm), ("Contact", FormCatalog.ContactMainForm), ("Incident", FormCatalog.CaseMainForm) })
        {
            var folder = Path.Combine(built.Layout.Solution, "Entities", entity, "FormXml", "main");
            Assert.Equal(new[] { Braced(id) + "_managed.xml" }, Directory.EnumerateFiles(folder).Select(Path.GetFileName));
        }
    }
}
