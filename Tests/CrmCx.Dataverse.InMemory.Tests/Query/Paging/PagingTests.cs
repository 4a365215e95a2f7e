using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.Paging;

public sealed class PagingTests
{
    private readonly TestRowSource source = new();

    public PagingTests()
    {
        for (var i = 1; i <= 7; i++) source.Add("account", ("name", "A" + i), ("numberofemployees", i));
    }

    private static QueryExpression Page(int count, int number, string? cookie = null, bool total = false)
    {
        var query = new QueryExpression("account")
        {
            ColumnSet = new ColumnSet("name"),
            PageInfo = new PagingInfo { Count = count, PageNumber = number, PagingCookie = cookie, ReturnTotalRecordCount = total },
        };
        query.AddOrder("numberofemployees", OrderType.Ascending);
        return query;
    }

    private static string[] Names(EntityCollection c) => c.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();

    [Fact]
    public void Pages_follow_one_another_with_cookies_until_no_more_records()
    {
        var engine = source.Engine();
        var seen = new List<string>();
        string? cookie = null;
        var pages = 0;
        for (var page = 1; ; page++)
        {
            var result = engine.RetrieveMultiple(Page(3, page, cookie));
            seen.AddRange(Names(result));
            pages++;
            if (!result.MoreRecords) break;
            cookie = result.PagingCookie;
            Assert.False(string.IsNullOrEmpty(cookie));
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => "A" + i), seen);
    }

    [Fact]
    public void The_cookie_names_the_page_and_the_first_and_last_ids_as_dataverse_writes_it()
    {
        var result = source.Engine().RetrieveMultiple(Page(3, 1));
        var cookie = XElement.Parse(result.PagingCookie);
        Assert.Equal("cookie", cookie.Name.LocalName);
        Assert.Equal("1", (string?)cookie.Attribute("page"));
        var id = cookie.Element("accountid")!;
        Assert.Equal(result.Entities[2].Id, Guid.Parse((string)id.Attribute("last")!));
        Assert.Equal(result.Entities[0].Id, Guid.Parse((string)id.Attribute("first")!));
        Assert.Equal("3", (string?)cookie.Element("numberofemployees")!.Attribute("last"));
    }

    [Fact]
    public void A_cookie_resumes_after_its_last_row_even_when_earlier_rows_were_deleted()
    {
        var engine = source.Engine();
        var first = engine.RetrieveMultiple(Page(3, 1));
        // Deleting a row of page 1 would shift a page-number slice by one; the cookie keeps the position.
        var rows = (List<Entity>)source.Rows("account");
        rows.RemoveAt(0);
        var second = engine.RetrieveMultiple(Page(3, 2, first.PagingCookie));
        Assert.Equal(new[] { "A4", "A5", "A6" }, Names(second));
    }

    [Fact]
    public void Without_a_cookie_the_page_number_selects_the_rows()
    {
        var result = source.Engine().RetrieveMultiple(Page(3, 3));
        Assert.Equal(new[] { "A7" }, Names(result));
        Assert.False(result.MoreRecords);
    }

    [Fact]
    public void Total_record_count_is_returned_only_when_asked()
    {
        Assert.Equal(-1, source.Engine().RetrieveMultiple(Page(3, 1)).TotalRecordCount);
        var counted = source.Engine().RetrieveMultiple(Page(3, 1, total: true));
        Assert.Equal(7, counted.TotalRecordCount);
        Assert.False(counted.TotalRecordCountLimitExceeded);
    }

    [Fact]
    public void Top_count_with_page_info_fails_as_dataverse_refuses_both()
    {
        var query = Page(3, 1);
        query.TopCount = 2;
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(query), "TopCount");
    }

    [Fact]
    public void Without_page_info_at_most_five_thousand_rows_come_back_and_more_records_says_so()
    {
        for (var i = 0; i < 5001; i++) source.Add("contact", ("fullname", "C" + i));
        var result = source.Engine().RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") });
        Assert.Equal(5000, result.Entities.Count);
        Assert.True(result.MoreRecords);
    }
}
