using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// Steps name their message by sdkmessageid, and only ids printed by Microsoft's documentation are written
/// (SdkMessages). The refusal of other messages is shown on the fixtures (StepRefusalTests).
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class MessageIdTests(BuiltSolution built)
{
    [Fact]
    public void Every_registered_step_of_the_plugin_assembly_is_on_a_message_with_a_verified_id()
    {
        var unverified = built.Assembly.Steps.Where(s => SdkMessages.IdOf(s.Step.Message) is null).Select(s => $"{s.Step.Name} ({s.Step.Message})").ToList();
        Assert.True(unverified.Count == 0, "steps on messages without a verified id: " + string.Join(", ", unverified));
    }

    [Fact]
    public void Every_step_file_names_its_message_first_by_the_documented_id()
    {
        foreach (var (type, step) in built.Assembly.Steps)
        {
            var file = Path.Combine(built.Layout.Solution, "SdkMessageProcessingSteps", "{" + PluginXml.StepId(type, step).ToString("D") + "}.xml");
            Assert.True(File.Exists(file), $"no step file for '{step.Name}'");
            var first = XDocument.Load(file).Root!.Elements().First();
            Assert.Equal(("SdkMessageId", SdkMessages.IdOf(step.Message)?.ToString("D")), (first.Name.LocalName, (string?)first));
        }
    }

    [Theory]
    [InlineData("Create", "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")]
    [InlineData("Update", "20bebb1b-ea3e-db11-86a7-000a3a5473e8")]
    [InlineData("Delete", "a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")]
    public void The_written_ids_are_the_ones_Microsofts_documentation_prints(string message, string id)
    {
        Assert.Equal(new Guid(id), SdkMessages.IdOf(message));
        Assert.Contains(message, SdkMessages.Verified);
    }

    [Fact]
    public void The_bulk_messages_have_no_verified_id()
    {
        Assert.Null(SdkMessages.IdOf("CreateMultiple"));
        Assert.Null(SdkMessages.IdOf("UpdateMultiple"));
        Assert.DoesNotContain("CreateMultiple", SdkMessages.Verified);
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
        var error = Assert.Throws<InvalidOperationException>(() => MessageIds.Parse(new[] { "CreateMultiple=0c0c0c0c-0000-4000-8000-000000000001", "createmultiple=0c0c0c0c-0000-4000-8000-000000000002" }));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_for_a_message_whose_steps_all_have_a_verified_id_is_refused_and_no_zip_is_written()
    {
        var repo = built.CopyToTemporaryRepository();
        var error = new StringWriter();
        var code = PackagingCommands.Run(new[] { "pack", "--no-build", "--out", Path.Combine(repo.Root, "out"), "--message-id", "Create=0c0c0c0c-0000-4000-8000-000000000001" }, TextWriter.Null, error, repo);
        Assert.Equal(1, code);
        Assert.Contains("--message-id for Create: no step lacks the id of that message", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "out")), "a zip was written");
    }
}
