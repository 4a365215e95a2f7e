using System;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace CrmCx.Plugins.Tests.Nps;

public class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Smoke()
    {
        var org = CrmCxOrg.Create();
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        var id = org.Respond(3, contact: contact);
        org.Settle();
        foreach (var t in org.Org.Traces) output.WriteLine(t.StepName + ": " + t.Text + " " + t.ExceptionMessage);
        foreach (var p in org.ResponseRow(id).Attributes) output.WriteLine(p.Key + " = " + p.Value);
        foreach (var p in org.AccountRow(account).Attributes) output.WriteLine("A " + p.Key + " = " + p.Value);
        foreach (var t in org.All("task")) foreach (var p in t.Attributes) output.WriteLine("T " + p.Key + " = " + p.Value);
        output.WriteLine(string.Join(", ", org.Org.Calls.ByMessage()));
    }
}
