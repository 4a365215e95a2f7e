using System;
using System.Linq;
using CrmCx.Infrastructure;
using CrmCx.Plugins.Tests.Fixtures;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Infrastructure;

public sealed class FetchXmlTests
{
    [Fact]
    public void A_name_with_quotes_ampersands_and_angle_brackets_is_found_by_the_query_that_names_it()
    {
        var org = CrmCxOrg.Create();
        const string name = "O'Brien & \"Sons\" <Ltd>";
        org.Service.Create(new Entity("account") { ["name"] = name });
        org.Service.Create(new Entity("account") { ["name"] = "O'Brien" });

        var rows = org.Service.RetrieveMultiple(FetchXml.Of("account").Attribute("name").Filter().Condition("name", "eq", name).End().ToExpression());

        Assert.Equal(new[] { name }, rows.Entities.Select(r => r.GetAttributeValue<string>("name")));
    }

    [Fact]
    public void Links_filters_and_typed_values_nest_in_the_order_they_are_written()
    {
        var id = Guid.Parse("3f24e0f8-5f5f-49c3-8271-1b76365fcb59");
        var text = FetchXml.Of("contact", top: 5)
            .Attribute("fullname")
            .Filter("or").Condition("parentcustomerid", "eq", id).Condition("cx_npsresponses", "ge", 10).End()
            .Link("account", "accountid", "parentcustomerid", "a", "outer").Attribute("name")
            .Filter().Condition("modifiedon", "ge", new DateTime(2026, 11, 20, 9, 0, 0, 123, DateTimeKind.Utc))
            .ToString();

        Assert.Equal(
            "<fetch top=\"5\"><entity name=\"contact\"><attribute name=\"fullname\" />"
            + "<filter type=\"or\"><condition attribute=\"parentcustomerid\" operator=\"eq\" value=\"3f24e0f8-5f5f-49c3-8271-1b76365fcb59\" />"
            + "<condition attribute=\"cx_npsresponses\" operator=\"ge\" value=\"10\" /></filter>"
            + "<link-entity name=\"account\" from=\"accountid\" to=\"parentcustomerid\" alias=\"a\" link-type=\"outer\"><attribute name=\"name\" />"
            + "<filter type=\"and\"><condition attribute=\"modifiedon\" operator=\"ge\" value=\"2026-11-20T09:00:00.123Z\" /></filter>"
            + "</link-entity></entity></fetch>",
            text);
    }

    [Fact]
    public void Closing_more_than_was_opened_is_refused()
    {
        var fetch = FetchXml.Of("account").Filter().End();

        Assert.Throws<InvalidOperationException>(() => fetch.End());
    }
}
