using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.Query.Paging;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.Paging;

public sealed class PagingCookieTextTests
{
    [Fact]
    public void A_cookie_whose_sort_values_hold_markup_is_the_xml_an_xml_writer_would_write_and_reads_back()
    {
        const string last = "Smith & \"Sons\" <Ltd>\n\ttab\r";
        var cookie = new PagingCookie(2, new[] { ("name", last, "A'bc"), ("accountid", "{0000-1}", "{0000-0}") });

        var expected = new XElement("cookie", new XAttribute("page", "2"),
            new XElement("name", new XAttribute("last", last), new XAttribute("first", "A'bc")),
            new XElement("accountid", new XAttribute("last", "{0000-1}"), new XAttribute("first", "{0000-0}"))).ToString(SaveOptions.DisableFormatting);
        Assert.Equal(expected, cookie.ToString());

        var read = PagingCookie.TryParse(cookie.ToString());
        Assert.NotNull(read);
        Assert.Equal(2, read!.Page);
        Assert.Equal(last, read.Last("name"));
    }
}
