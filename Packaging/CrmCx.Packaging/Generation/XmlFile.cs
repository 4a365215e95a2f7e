using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CrmCx.Model.Labels;

namespace CrmCx.Packaging.Generation;

/// <summary>How every solution file is written: the same bytes for the same content on every machine.</summary>
public static class XmlFile
{
    /// <summary>The XML Schema instance namespace that solution files declare.</summary>
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The document as text: UTF-8 declaration (unless left out), two-space indent, LF line ends.</summary>
    public static string ToText(XElement root, bool declaration = true)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = !declaration };
        using var writer = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(writer, settings))
        {
            if (declaration) new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(xml);
            else root.Save(xml);
        }
        return writer.ToString().Replace("\r\n", "\n", System.StringComparison.Ordinal) + "\n";
    }

    /// <summary>A root element declaring xmlns:xsi, as exported files do.</summary>
    public static XElement Root(string name, params object?[] content) => new(name, new XAttribute(XNamespace.Xmlns + "xsi", Xsi), content);

    /// <summary>A list of localized labels: &lt;container&gt;&lt;item description=".." languagecode="1033"/&gt;...&lt;/container&gt;.</summary>
    public static XElement Labels(string container, string item, Label label) =>
        new(container,
            new XElement(item, new XAttribute("description", label.English), new XAttribute("languagecode", Label.EnglishLcid)),
            new XElement(item, new XAttribute("description", label.French), new XAttribute("languagecode", Label.FrenchLcid)));

    /// <summary>0/1 as solution files write booleans.</summary>
    public static string Bit(bool value) => value ? "1" : "0";

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(System.Globalization.CultureInfo.InvariantCulture) { }
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
