using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrmCx.Packaging.Validation;

/// <summary>
/// Validates customizations.xml against Microsoft's CustomizationsSolution.xsd (9.0.0.2090). That schema predates
/// what newer exports carry: it declares solutionaction (the managed form-difference marker) only on a few
/// parameter values, while the platform reads it on tabs, sections, form libraries and event handlers. Those
/// attributes are removed from a copy before validating; everything else is validated as written.
/// </summary>
public sealed class CustomizationsSchema
{
    private readonly XmlSchemaSet schemas;

    private CustomizationsSchema(XmlSchemaSet schemas) => this.schemas = schemas;

    /// <summary>Loads the schema set from a folder (the includes resolve relative to it).</summary>
    public static CustomizationsSchema Load(string folder)
    {
        var path = Path.Combine(folder, "CustomizationsSolution.xsd");
        if (!File.Exists(path)) throw new FileNotFoundException($"Schema not found: {path}.", path);
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() }))
            set.Add(null, reader);
        set.Compile();
        return new CustomizationsSchema(set);
    }

    /// <summary>Every validation error, with its line; empty when the document is valid.</summary>
    public IReadOnlyList<string> Validate(XDocument customizations)
    {
        var copy = new XDocument(customizations);
        foreach (var form in copy.Descendants("form").ToList())
            form.DescendantsAndSelf().Attributes("solutionaction").Remove();
        var text = copy.ToString(SaveOptions.None);
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        // Warnings count too: "could not find schema information" means an element the schema does not cover went unchecked.
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read()) { }
        return errors;
    }
}
