using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// Steps name their message by sdkmessageid. Only ids printed by Microsoft's documentation are written
/// (SdkMessages); CreateMultiple and UpdateMultiple have no verified id, so their steps ship without one, the packer
/// says so loudly and takes the target environment's ids on the command line.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class MessageIdTests(BuiltSolution built)
{
    // Placeholders standing for ids an administrator read in a target environment; not real sdkmessageids.
    private static readonly Guid CreateMultipleInTarget = new("0c0c0c0c-0000-4000-8000-000000000001");
    private static readonly Guid UpdateMultipleInTarget = new("0c0c0c0c-0000-4000-8000-000000000002");

    private static PackOptions NoBuild(RepositoryLayout repo, IReadOnlyDictionary<string, Guid>? ids = null) =>
        new() { Build = false, OutputFolder = Path.Combine(repo.Root, "out"), MessageIds = ids ?? new Dictionary<string, Guid>() };

    private static List<XElement> PackedSteps(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry("customizations.xml")!.Open();
        return XDocument.Load(stream).Root!.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();
    }

    [Fact]
    public void Every_step_file_names_its_message_by_the_documented_id_and_only_bulk_message_steps_have_none()
    {
        foreach (var (type, step) in built.Assembly.Steps)
        {
            var file = XDocument.Load(Path.Combine(built.Layout.Solution, "SdkMessageProcessingSteps", "{" + PluginXml.StepId(type, step).ToString("D") + "}.xml")).Root!;
            var expected = SdkMessages.IdOf(step.Message);
            Assert.Equal(expected?.ToString("D"), file.Element("SdkMessageId")?.Value);
            if (expected is null) Assert.Contains(step.Message, new[] { "CreateMultiple", "UpdateMultiple" });
        }
    }

    [Theory]
    [InlineData("Create", "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")]
    [InlineData("Update", "20bebb1b-ea3e-db11-86a7-000a3a5473e8")]
    [InlineData("Delete", "a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")]
    public void The_written_ids_are_the_ones_Microsofts_documentation_prints(string message, string id)
    {
        Assert.Equal(new Guid(id), SdkMessages.IdOf(message));
        Assert.Null(SdkMessages.IdOf("CreateMultiple"));
        Assert.Null(SdkMessages.IdOf("UpdateMultiple"));
    }

    [Fact]
    public void Packing_without_the_bulk_message_ids_warns_naming_every_step_and_the_fix()
    {
        var repo = built.CopyToTemporaryRepository();
        var log = new StringWriter();
        PackagingCommands.Pack(repo, NoBuild(repo), log);
        var text = log.ToString();
        var unresolved = MessageIds.Unresolved(built.Assembly);
        Assert.Equal(6, unresolved.Count);
        Assert.Contains($"WARNING: 6 of {built.Assembly.Steps.Count()} plug-in steps have no <SdkMessageId> (CreateMultiple: 3, UpdateMultiple: 3)", text, StringComparison.Ordinal);
        Assert.All(unresolved, s => Assert.Contains($"{{{s.StepId:D}}} {s.Message} '{s.Name}'", text, StringComparison.Ordinal));
        Assert.Contains("pack --message-id CreateMultiple=<sdkmessageid> --message-id UpdateMultiple=<sdkmessageid>", text, StringComparison.Ordinal);
        Assert.Contains("$filter=name eq 'CreateMultiple' or name eq 'UpdateMultiple'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Packing_with_the_target_environments_ids_gives_every_step_an_SdkMessageId_in_both_zips_and_stays_schema_valid()
    {
        var repo = built.CopyToTemporaryRepository();
        var log = new StringWriter();
        var ids = new Dictionary<string, Guid> { ["CreateMultiple"] = CreateMultipleInTarget, ["updatemultiple"] = UpdateMultipleInTarget };
        var result = PackagingCommands.Pack(repo, NoBuild(repo, ids), log);
        Assert.DoesNotContain("WARNING", log.ToString(), StringComparison.Ordinal);
        var messages = built.Assembly.Steps.ToDictionary(s => PluginXml.StepId(s.Type, s.Step), s => s.Step.Message);
        foreach (var zip in new[] { result.ManagedZip, result.UnmanagedZip })
        {
            var steps = PackedSteps(zip);
            Assert.Equal(messages.Count, steps.Count);
            foreach (var step in steps)
            {
                var message = messages[Guid.Parse((string)step.Attribute("SdkMessageProcessingStepId")!)];
                var expected = message switch { "CreateMultiple" => CreateMultipleInTarget, "UpdateMultiple" => UpdateMultipleInTarget, _ => SdkMessages.IdOf(message)!.Value };
                Assert.Equal(expected.ToString("D"), step.Element("SdkMessageId")?.Value);
                Assert.Equal("Rank", ((XElement)step.Element("SdkMessageId")!.PreviousNode!).Name.LocalName);
            }
        }
        // Solution/ is untouched: the ids go into the zips only.
        Assert.Empty(PackagingCommands.Check(repo, TextWriter.Null, build: false, warn: false));
    }

    [Fact]
    public void An_id_for_a_message_whose_steps_already_have_one_is_refused_and_no_zip_is_written()
    {
        var repo = built.CopyToTemporaryRepository();
        var error = Assert.Throws<InvalidOperationException>(() => PackagingCommands.Pack(repo, NoBuild(repo, new Dictionary<string, Guid> { ["Create"] = CreateMultipleInTarget }), TextWriter.Null));
        Assert.Contains("--message-id for Create", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "out")) && Directory.EnumerateFiles(Path.Combine(repo.Root, "out")).Any(), "a zip was written");
    }

    [Theory]
    [InlineData("CreateMultiple")]
    [InlineData("CreateMultiple=not-a-guid")]
    [InlineData("=0c0c0c0c-0000-4000-8000-000000000001")]
    public void A_malformed_message_id_option_is_refused_with_the_expected_form(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MessageIds.Parse(new[] { value }));
        Assert.Contains("<message>=<sdkmessageid GUID>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_given_twice_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MessageIds.Parse(new[] { "CreateMultiple=" + CreateMultipleInTarget, "createmultiple=" + UpdateMultipleInTarget }));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }
}
