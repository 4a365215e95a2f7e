using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// generate, check and pack refuse a step that cannot ship, on fixture assemblies (so whatever the real plug-ins
/// register): the bulk fixture's CreateMultiple step has no verified message id, the main fixture has a step without
/// an Id and one with UnSecureConfiguration. --message-id resolves only the message id, for a zip meant for one environment.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class StepRefusalTests(BuiltSolution built)
{
    private const string BulkStepId = "b0b0b0b0-0000-4000-8000-000000000002";
    private const string CreateStepId = "b0b0b0b0-0000-4000-8000-000000000001";
    // Stands for an id an administrator read in one target environment; not a real sdkmessageid.
    private const string CreateMultipleInTarget = "0c0c0c0c-0000-4000-8000-000000000001";

    private static (int Code, string Output, string Error) Run(RepositoryLayout repo, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = PackagingCommands.Run(args, output, error, repo);
        return (code, output.ToString(), error.ToString());
    }

    private RepositoryLayout BulkRepository()
    {
        var repo = built.TemporaryRepositoryWith(BuiltSolution.FixtureAssembly("CrmCx.Packaging.BulkFixture"));
        Run(repo, "generate");
        return repo;
    }

    private static string[] StepFiles(RepositoryLayout repo) =>
        Directory.EnumerateFiles(Path.Combine(repo.Solution, "SdkMessageProcessingSteps")).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    private static XElement Part(string zip, string name)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry(name)!.Open();
        return XDocument.Load(stream).Root!;
    }

    private static void AssertNamesTheBulkStepAndTheFix(string error)
    {
        Assert.Contains("1 of 2 plug-in steps cannot ship", error, StringComparison.Ordinal);
        Assert.Contains($"{{{BulkStepId}}} 'Bulk fixture: accounts created in bulk' (BulkFixture.Plugins.AccountCreatedPlugin, message CreateMultiple): is registered on CreateMultiple, which has no verified sdkmessageid", error, StringComparison.Ordinal);
        Assert.Contains("register the step on a message whose id is verified (", error, StringComparison.Ordinal);
        Assert.Contains("--message-id CreateMultiple=<sdkmessageid>", error, StringComparison.Ordinal);
        Assert.Contains("for that environment only", error, StringComparison.Ordinal);
        Assert.DoesNotContain(CreateStepId, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_leaves_out_a_step_on_a_message_without_a_verified_id_names_it_and_exits_with_1()
    {
        var repo = built.TemporaryRepositoryWith(BuiltSolution.FixtureAssembly("CrmCx.Packaging.BulkFixture"));
        var (code, _, error) = Run(repo, "generate");
        Assert.Equal(1, code);
        AssertNamesTheBulkStepAndTheFix(error);
        Assert.Equal(new[] { $"{{{CreateStepId}}}.xml" }, StepFiles(repo));
        var roots = XDocument.Load(Path.Combine(repo.Solution, "Other", "Solution.xml")).Descendants("RootComponent").Where(r => (string?)r.Attribute("type") == "92").Select(r => (string?)r.Attribute("id"));
        Assert.Equal(new[] { $"{{{CreateStepId}}}" }, roots);
    }

    [Fact]
    public void Check_refuses_the_same_step_when_Solution_is_otherwise_what_generate_writes()
    {
        var (code, _, error) = Run(BulkRepository(), "check");
        Assert.Equal(1, code);
        AssertNamesTheBulkStepAndTheFix(error);
        Assert.DoesNotContain("differs:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_refuses_the_step_with_exit_code_1_and_writes_no_zip()
    {
        var repo = BulkRepository();
        var (code, _, error) = Run(repo, "pack", "--no-build", "--out", Path.Combine(repo.Root, "out"));
        Assert.Equal(1, code);
        AssertNamesTheBulkStepAndTheFix(error);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "out")), "a zip was written");
    }

    [Fact]
    public void Pack_with_the_target_environments_id_writes_the_step_into_both_zips_only_with_SdkMessageId_first()
    {
        var repo = BulkRepository();
        var (code, output, error) = Run(repo, "pack", "--no-build", "--out", Path.Combine(repo.Root, "out"), "--message-id", "CreateMultiple=" + CreateMultipleInTarget);
        Assert.True(code == 0, error);
        Assert.Contains("for the environment those ids were read in, not for any tenant", output, StringComparison.Ordinal);
        foreach (var zip in Directory.EnumerateFiles(Path.Combine(repo.Root, "out"), "*.zip"))
        {
            var steps = Part(zip, "customizations.xml").Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();
            Assert.Equal(new[] { $"{{{CreateStepId}}}", $"{{{BulkStepId}}}" }, steps.Select(s => (string?)s.Attribute("SdkMessageProcessingStepId")));
            var bulk = steps[1];
            Assert.Equal(("SdkMessageId", CreateMultipleInTarget), (bulk.Elements().First().Name.LocalName, bulk.Elements().First().Value));
            // CreateMultiple's images hang on "Ids" (SdkMessages.ImagePropertyOf).
            Assert.Equal("Ids", bulk.Descendants("MessagePropertyName").Single().Value);
            Assert.Empty(built.Schema.Validate(new XDocument(Part(zip, "customizations.xml"))));
            Assert.Contains(Part(zip, "solution.xml").Descendants("RootComponent"), r => (string?)r.Attribute("type") == "92" && (string?)r.Attribute("id") == $"{{{BulkStepId}}}");
        }
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(repo.Root, "out"), "*.zip").Count());
        // Solution/ never carries the environment's id: the step is still left out and still refused by check.
        Assert.Equal(new[] { $"{{{CreateStepId}}}.xml" }, StepFiles(repo));
        Assert.Equal(1, Run(repo, "check").Code);
    }

    [Fact]
    public void A_message_id_does_not_excuse_a_step_without_an_Id_or_one_with_configuration()
    {
        var repo = built.TemporaryRepositoryWith(BuiltSolution.FixtureAssembly("CrmCx.Packaging.Fixture"));
        var (generated, _, error) = Run(repo, "generate");
        Assert.Equal(1, generated);
        Assert.Contains("(no Id) 'Fixture: contact deleted without id' (Fixture.Plugins.StepWithoutId, message Delete): has no Id", error, StringComparison.Ordinal);
        Assert.Contains("{11111111-2222-3333-4444-555555555555} 'Fixture: account updated' (Fixture.Plugins.AccountPlugin, message Update): sets UnSecureConfiguration", error, StringComparison.Ordinal);
        Assert.Contains("set Id = \"<a new GUID>\"", error, StringComparison.Ordinal);
        Assert.Contains("remove UnSecureConfiguration: the settings live in the environment variable cx_Settings", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--message-id", error, StringComparison.Ordinal);
        Assert.Equal(new[] { "{66666666-7777-8888-9999-000000000000}.xml" }, StepFiles(repo));
        var (packed, _, packError) = Run(repo, "pack", "--no-build", "--out", Path.Combine(repo.Root, "out"));
        Assert.Equal(1, packed);
        Assert.Contains("has no Id", packError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "out")), "a zip was written");
    }

    [Fact]
    public void The_refusal_counts_each_step_once_even_with_several_problems()
    {
        var fixture = PluginAssemblyReader.Read(BuiltSolution.FixtureAssembly("CrmCx.Packaging.Fixture"));
        var problems = StepCheck.Problems(fixture);
        Assert.Equal(new[] { StepProblemKind.Configuration, StepProblemKind.NoId }, problems.Select(p => p.Kind).OrderBy(k => k.ToString(), StringComparer.Ordinal));
        Assert.StartsWith($"2 of {fixture.Steps.Count()} plug-in steps cannot ship", StepCheck.Refusal(problems, fixture.Steps.Count()), StringComparison.Ordinal);
    }
}
