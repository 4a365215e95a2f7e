using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.CustomApis;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Security;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Security;

/// <summary>Security roles from the solution's role files, and the one check the org makes with them: a custom API's execute privilege.</summary>
public sealed class SecurityRoleTests : IDisposable
{
    private static readonly string RoleFolder = Path.Combine(AppContext.BaseDirectory, "Solution", "Roles");
    private readonly InMemoryOrganization org = new();
    private readonly CustomApiFiles files = new();

    public void Dispose() => files.Dispose();

    private void RecalculateWithPrivilege()
    {
        files.Api("cx_Recalculate", typeof(RecalculateTestPlugin), privilege: "prvWritecx_npsday")
            .Request("Target", CustomApiParameterType.EntityReference, optional: true)
            .Request("Scope", CustomApiParameterType.String, optional: true)
            .Response("Processed", CustomApiParameterType.Integer)
            .Response("Continuation", CustomApiParameterType.String);
        files.Import(org);
    }

    private OrganizationResponse Recalculate(Guid? user) => org.GetService(user).Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "due" });

    private static XElement Role(string name, string id, params (string Name, string Level)[] privileges) =>
        new("Role", new XAttribute("id", id), new XAttribute("name", name),
            new XElement("RolePrivileges", privileges.Select(p => new XElement("RolePrivilege", new XAttribute("name", p.Name), new XAttribute("level", p.Level)))));

    [Fact]
    public void Importing_the_solutions_role_folder_gives_one_role_per_file_with_its_privileges_and_depths()
    {
        var roleFiles = Directory.GetFiles(RoleFolder, "*.xml");
        Assert.NotEmpty(roleFiles);

        var roles = org.Security.ImportRoleFolder(RoleFolder);

        Assert.Equal(roleFiles.Length, roles.Count);
        Assert.Equal(roleFiles.Select(f => (string)XDocument.Load(f).Root!.Attribute("name")!).OrderBy(n => n), roles.Select(r => r.Name).OrderBy(n => n));
        var manager = roles.Single(r => r.Name == "CX Manager");
        Assert.Equal(Guid.Parse((string)XDocument.Load(Path.Combine(RoleFolder, "CX Manager.xml")).Root!.Attribute("id")!), manager.Id);
        Assert.True(manager.Grants("prvWritecx_npsday"));
        var agent = roles.Single(r => r.Name == "CX Agent");
        Assert.Equal(PrivilegeDepth.Global, agent.Privileges["prvReadcx_npsday"]);
        Assert.Equal(PrivilegeDepth.Local, agent.Privileges["prvReadcx_surveyresponse"]);
        Assert.False(agent.Grants("prvWritecx_npsday"));
        Assert.Equal(new[] { SecurityRoles.SystemAdministrator }, org.Security.Roles.Take(1).Select(r => r.Name));
    }

    [Fact]
    public void A_role_file_with_an_unknown_level_a_missing_id_or_name_is_refused_and_no_role_is_registered()
    {
        var folder = Directory.CreateTempSubdirectory("crmcx-roles-").FullName;
        try
        {
            new XDocument(Role("Good", "{6d6f1c2e-0000-4000-8000-000000000001}", ("prvReadAccount", "Global"))).Save(Path.Combine(folder, "a.xml"));
            new XDocument(Role("Bad level", "{6d6f1c2e-0000-4000-8000-000000000002}", ("prvReadAccount", "Organization"), ("prvReadContact", "2"))).Save(Path.Combine(folder, "b.xml"));
            new XDocument(new XElement("Role", new XAttribute("name", "No id"))).Save(Path.Combine(folder, "c.xml"));
            new XDocument(new XElement("Role", new XAttribute("id", "{6d6f1c2e-0000-4000-8000-000000000004}"))).Save(Path.Combine(folder, "d.xml"));

            var e = Assert.Throws<InvalidOperationException>(() => org.Security.ImportRoleFolder(folder));

            Assert.Contains("b.xml: prvReadAccount has the level 'Organization', not Basic, Local, Deep or Global.", e.Message);
            Assert.Contains("b.xml: prvReadContact has the level '2'", e.Message);
            Assert.Contains("c.xml: <Role> has no id GUID ('(missing)').", e.Message);
            Assert.Contains("d.xml: <Role> has no name attribute.", e.Message);
            Assert.Null(org.Security.Find("Good"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_second_role_with_a_name_or_id_the_org_has_is_refused()
    {
        org.Security.ImportRole(Role("CX Agent", "{6d6f1c2e-0000-4000-8000-000000000001}"));

        Assert.Contains("the role 'cx agent' clashes with another role named 'CX Agent'", Assert.Throws<InvalidOperationException>(() => org.Security.ImportRole(Role("cx agent", "{6d6f1c2e-0000-4000-8000-000000000009}"))).Message);
        Assert.Contains("the role 'Other' has the id {6d6f1c2e-0000-4000-8000-000000000001} of the role 'CX Agent'", Assert.Throws<InvalidOperationException>(() => org.Security.ImportRole(Role("Other", "{6d6f1c2e-0000-4000-8000-000000000001}"))).Message);
        Assert.Contains("clashes with another role named 'System Administrator'", Assert.Throws<InvalidOperationException>(() => org.Security.ImportRole(Role("System Administrator", "{6d6f1c2e-0000-4000-8000-000000000003}"))).Message);
    }

    [Fact]
    public void Assigning_a_role_needs_a_user_and_a_role_of_the_org()
    {
        org.Security.ImportRoleFolder(RoleFolder);
        var user = org.CreateUser("Nina Agent");

        Assert.Throws<ArgumentException>(() => org.Security.AssignRole(Guid.NewGuid(), "CX Agent"));
        Assert.Throws<ArgumentException>(() => org.Security.AssignRole(user, "CX Nobody"));
        org.Security.AssignRole(user, "CX Agent");
        org.Security.AssignRole(user, "cx agent");

        Assert.Equal(new[] { "CX Agent" }, org.Security.RolesOf(user).Select(r => r.Name));
    }

    [Fact]
    public void A_user_whose_role_grants_the_execute_privilege_may_call_the_custom_api()
    {
        org.Security.ImportRoleFolder(RoleFolder);
        RecalculateWithPrivilege();
        var manager = org.CreateUser("Mia Manager");
        org.Security.AssignRole(manager, "CX Manager");

        Assert.Equal(2, Recalculate(manager).Results["Processed"]);
    }

    [Fact]
    public void A_user_whose_roles_lack_the_execute_privilege_is_refused_with_PrivilegeDenied_before_the_plugin_runs()
    {
        org.Security.ImportRoleFolder(RoleFolder);
        RecalculateWithPrivilege();
        var agent = org.CreateUser("Nina Agent");
        org.Security.AssignRole(agent, "CX Agent");
        org.Security.AssignRole(agent, "CX Survey Integration");

        var fault = FaultAssert.Throws(ErrorCodes.PrivilegeDenied, () => Recalculate(agent));

        Assert.Equal($"Principal user (Id={agent:D}, type=8, roleCount=2) is missing prvWritecx_npsday privilege.", fault.Message);
        Assert.Empty(org.Traces);
        Assert.Empty(org.Snapshot("task"));
        // The refused call is still a call.
        Assert.Equal(1, org.Calls.Count("cx_Recalculate"));
    }

    [Fact]
    public void A_user_without_any_role_is_refused_a_privileged_custom_api_but_not_an_unprivileged_one_nor_other_messages()
    {
        RecalculateWithPrivilege();
        using var open = new CustomApiFiles();
        open.Api("cx_Open", typeof(ProcessedOnlyPlugin)).Response("Processed", CustomApiParameterType.Integer);
        open.Import(org);
        var user = org.CreateUser("Nobody Yet");

        var fault = FaultAssert.Throws(ErrorCodes.PrivilegeDenied, () => Recalculate(user));

        Assert.Equal($"Principal user (Id={user:D}, type=8, roleCount=0) is missing prvWritecx_npsday privilege.", fault.Message);
        Assert.Equal(5, org.GetService(user).Execute(new OrganizationRequest("cx_Open")).Results["Processed"]);
        org.GetService(user).Create(new Entity("account") { ["name"] = "Contoso" });
    }

    [Fact]
    public void The_administrator_holds_System_Administrator_and_with_SYSTEM_passes_every_privilege_check()
    {
        RecalculateWithPrivilege();

        Assert.Equal(SecurityRoles.SystemAdministrator, Assert.Single(org.Security.RolesOf(org.AdminUserId)).Name);
        Assert.Equal(2, Recalculate(org.AdminUserId).Results["Processed"]);
        Assert.Equal(2, Recalculate(org.SystemUserId).Results["Processed"]);
        Assert.True(org.Security.HasPrivilege(org.SystemUserId, "prvAnything"));
    }

    [Fact]
    public void Any_user_given_System_Administrator_passes_the_check()
    {
        RecalculateWithPrivilege();
        var user = org.CreateUser("Ada Admin");
        org.Security.AssignRole(user, SecurityRoles.SystemAdministrator);

        Assert.Equal(2, Recalculate(user).Results["Processed"]);
    }

    [Fact]
    public void A_plugin_calling_the_custom_api_is_checked_as_the_user_its_service_runs_as()
    {
        RecalculateWithPrivilege();
        var user = org.CreateUser("Nobody Yet");
        org.Pipeline.Register(new PluginStep(typeof(CallsRecalculatePlugin), "Create", "account", PipelineStage.PostOperation) { UnsecureConfiguration = "system", Id = Guid.NewGuid() });

        // As SYSTEM (CreateOrganizationService(null)) the nested call passes although the calling user holds no role.
        org.GetService(user).Create(new Entity("account") { ["name"] = "Contoso" });
        org.Pipeline.Clear();
        org.Pipeline.Register(new PluginStep(typeof(CallsRecalculatePlugin), "Create", "account", PipelineStage.PostOperation));

        // As the calling user it is refused, and the account create fails with it.
        var fault = FaultAssert.Throws(ErrorCodes.PrivilegeDenied, () => org.GetService(user).Create(new Entity("account") { ["name"] = "Fabrikam" }));
        Assert.Contains($"Principal user (Id={user:D}", fault.Message);
        Assert.Equal(new[] { "Contoso" }, org.Snapshot("account").Select(a => a.GetAttributeValue<string>("name")));
    }
}
