using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.QueryExpressionTests;

public sealed class QueryExpressionFilterTests
{
    private readonly TestRowSource source = new();

    private string[] Names(QueryExpression query) =>
        source.Engine().RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static QueryExpression Accounts(params ConditionExpression[] conditions)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        foreach (var c in conditions) query.Criteria.AddCondition(c);
        return query;
    }

    [Fact]
    public void Equal_matches_text_case_and_accent_insensitively_like_the_sql_collation()
    {
        source.Add("account", ("name", "Café Nord"));
        source.Add("account", ("name", "Other"));
        Assert.Equal(new[] { "Café Nord" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.Equal, "CAFE NORD"))));
    }

    [Fact]
    public void Equal_and_not_equal_never_match_a_missing_value()
    {
        source.Add("account", ("name", "A"), ("address1_city", "Paris"));
        source.Add("account", ("name", "B"));
        source.Add("account", ("name", "C"), ("address1_city", "Lyon"));
        Assert.Equal(new[] { "A" }, Names(Accounts(new ConditionExpression("address1_city", ConditionOperator.Equal, "paris"))));
        Assert.Equal(new[] { "C" }, Names(Accounts(new ConditionExpression("address1_city", ConditionOperator.NotEqual, "Paris"))));
        Assert.Equal(new[] { "B" }, Names(Accounts(new ConditionExpression("address1_city", ConditionOperator.Null))));
        Assert.Equal(new[] { "A", "C" }, Names(Accounts(new ConditionExpression("address1_city", ConditionOperator.NotNull))));
    }

    [Fact]
    public void Lookup_conditions_accept_a_guid_or_an_entity_reference()
    {
        var contact = source.Add("contact", ("fullname", "Ann"));
        source.Add("account", ("name", "A"), ("primarycontactid", contact.ToEntityReference()));
        source.Add("account", ("name", "B"), ("primarycontactid", new EntityReference("contact", Guid.NewGuid())));
        Assert.Equal(new[] { "A" }, Names(Accounts(new ConditionExpression("primarycontactid", ConditionOperator.Equal, contact.Id))));
        Assert.Equal(new[] { "A" }, Names(Accounts(new ConditionExpression("primarycontactid", ConditionOperator.Equal, contact.ToEntityReference()))));
    }

    [Fact]
    public void Choice_conditions_accept_an_int_or_an_option_set_value()
    {
        source.Add("account", ("name", "A"), ("industrycode", new OptionSetValue(3)));
        source.Add("account", ("name", "B"), ("industrycode", new OptionSetValue(4)));
        Assert.Equal(new[] { "A" }, Names(Accounts(new ConditionExpression("industrycode", ConditionOperator.Equal, 3))));
        Assert.Equal(new[] { "B" }, Names(Accounts(new ConditionExpression("industrycode", ConditionOperator.Equal, new OptionSetValue(4)))));
        Assert.Equal(new[] { "A", "B" }, Names(Accounts(new ConditionExpression("industrycode", ConditionOperator.In, 3, 4))));
    }

    [Fact]
    public void Money_compares_its_decimal_amount()
    {
        source.Add("account", ("name", "Small"), ("revenue", new Money(10m)));
        source.Add("account", ("name", "Big"), ("revenue", new Money(1000m)));
        Assert.Equal(new[] { "Big" }, Names(Accounts(new ConditionExpression("revenue", ConditionOperator.GreaterThan, 100m))));
        Assert.Equal(new[] { "Small" }, Names(Accounts(new ConditionExpression("revenue", ConditionOperator.LessEqual, new Money(10m)))));
    }

    [Fact]
    public void Number_comparisons_and_between_are_inclusive_where_sql_is()
    {
        foreach (var n in new[] { 1, 5, 10, 15 }) source.Add("account", ("name", "N" + n), ("numberofemployees", n));
        Assert.Equal(new[] { "N10", "N5" }, Names(Accounts(new ConditionExpression("numberofemployees", ConditionOperator.Between, 5, 10))));
        Assert.Equal(new[] { "N1", "N15" }, Names(Accounts(new ConditionExpression("numberofemployees", ConditionOperator.NotBetween, 5, 10))));
        Assert.Equal(new[] { "N10", "N15" }, Names(Accounts(new ConditionExpression("numberofemployees", ConditionOperator.GreaterEqual, 10))));
        Assert.Equal(new[] { "N1" }, Names(Accounts(new ConditionExpression("numberofemployees", ConditionOperator.LessThan, 5))));
        Assert.Equal(new[] { "N1", "N15" }, Names(Accounts(new ConditionExpression("numberofemployees", ConditionOperator.NotIn, 5, 10))));
    }

    [Fact]
    public void In_accepts_an_array_as_its_single_value()
    {
        foreach (var n in new[] { 1, 2, 3 }) source.Add("account", ("name", "N" + n), ("numberofemployees", n));
        var query = Accounts();
        query.Criteria.Conditions.Add(new ConditionExpression("numberofemployees", ConditionOperator.In, new int[] { 1, 3 }));
        Assert.Equal(new[] { "N1", "N3" }, Names(query));
    }

    [Fact]
    public void Like_and_text_operators_follow_sql_wildcards()
    {
        source.Add("account", ("name", "Contoso Ltd"));
        source.Add("account", ("name", "Fabrikam"));
        source.Add("account", ("name", "Litware Contoso"));
        Assert.Equal(new[] { "Contoso Ltd" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.Like, "contoso%"))));
        Assert.Equal(new[] { "Contoso Ltd", "Litware Contoso" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.Like, "%CONTOSO%"))));
        Assert.Equal(new[] { "Fabrikam" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.Like, "F_b[a-z]ikam"))));
        Assert.Equal(new[] { "Fabrikam" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.NotLike, "%contoso%"))));
        Assert.Equal(new[] { "Contoso Ltd" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.BeginsWith, "Cont"))));
        Assert.Equal(new[] { "Litware Contoso" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.EndsWith, "contoso"))));
        Assert.Equal(new[] { "Contoso Ltd", "Litware Contoso" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.Contains, "toso"))));
        Assert.Equal(new[] { "Fabrikam", "Litware Contoso" }, Names(Accounts(new ConditionExpression("name", ConditionOperator.DoesNotBeginWith, "contoso"))));
    }

    [Fact]
    public void Nested_and_or_filters_combine_as_written()
    {
        source.Add("account", ("name", "A"), ("numberofemployees", 5), ("address1_city", "Paris"));
        source.Add("account", ("name", "B"), ("numberofemployees", 50), ("address1_city", "Lyon"));
        source.Add("account", ("name", "C"), ("numberofemployees", 500), ("address1_city", "Paris"));
        var query = Accounts();
        query.Criteria.AddCondition("address1_city", ConditionOperator.Equal, "Paris");
        var or = query.Criteria.AddFilter(LogicalOperator.Or);
        or.AddCondition("numberofemployees", ConditionOperator.LessThan, 10);
        or.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 100);
        Assert.Equal(new[] { "A", "C" }, Names(query));

        var top = Accounts();
        top.Criteria.FilterOperator = LogicalOperator.Or;
        top.Criteria.AddCondition("name", ConditionOperator.Equal, "B");
        var and = top.Criteria.AddFilter(LogicalOperator.And);
        and.AddCondition("address1_city", ConditionOperator.Equal, "Paris");
        and.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 100);
        Assert.Equal(new[] { "B", "C" }, Names(top));
    }

    [Fact]
    public void Date_operators_compare_utc_days()
    {
        source.Add("contact", ("fullname", "Early"), ("birthdate", new DateTime(2026, 3, 1, 23, 30, 0, DateTimeKind.Utc)));
        source.Add("contact", ("fullname", "Next"), ("birthdate", new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc)));
        string[] Run(ConditionOperator op)
        {
            var q = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            q.Criteria.AddCondition("birthdate", op, new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));
            return source.Engine().RetrieveMultiple(q).Entities.Select(e => e.GetAttributeValue<string>("fullname")).ToArray();
        }
        Assert.Equal(new[] { "Early" }, Run(ConditionOperator.On));
        Assert.Equal(new[] { "Early" }, Run(ConditionOperator.OnOrBefore));
        Assert.Equal(new[] { "Early", "Next" }, Run(ConditionOperator.OnOrAfter));
        Assert.Equal(new[] { "Next" }, Run(ConditionOperator.NotOn));
    }

    [Fact]
    public void Relative_date_operators_use_the_engine_clock()
    {
        var now = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);
        source.Add("contact", ("fullname", "Today"), ("birthdate", now.AddHours(-2)));
        source.Add("contact", ("fullname", "Yesterday"), ("birthdate", now.AddDays(-1)));
        source.Add("contact", ("fullname", "LastMonth"), ("birthdate", now.AddMonths(-1)));
        string[] Run(ConditionOperator op, params object[] values)
        {
            var q = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            q.Criteria.AddCondition("birthdate", op, values);
            return source.Engine(() => now).RetrieveMultiple(q).Entities.Select(e => e.GetAttributeValue<string>("fullname")).ToArray();
        }
        Assert.Equal(new[] { "Today" }, Run(ConditionOperator.Today));
        Assert.Equal(new[] { "Yesterday" }, Run(ConditionOperator.Yesterday));
        Assert.Equal(new[] { "Today", "Yesterday" }, Run(ConditionOperator.LastXDays, 3));
        Assert.Equal(new[] { "LastMonth" }, Run(ConditionOperator.LastMonth));
    }

    [Fact]
    public void Relative_date_operators_without_a_clock_fail_naming_the_operator()
    {
        var q = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        q.Criteria.AddCondition("birthdate", ConditionOperator.Today);
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(q), "Today");
    }

    [Fact]
    public void Unsupported_operators_fail_naming_the_operator()
    {
        var q = Accounts(new ConditionExpression("parentaccountid", ConditionOperator.Under, Guid.NewGuid()));
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(q), "Under");
    }

    [Fact]
    public void Equal_user_id_matches_the_calling_user()
    {
        var me = Guid.NewGuid();
        source.Add("account", ("name", "Mine"), ("ownerid", new EntityReference("systemuser", me)));
        source.Add("account", ("name", "Theirs"), ("ownerid", new EntityReference("systemuser", Guid.NewGuid())));
        var q = Accounts(new ConditionExpression("ownerid", ConditionOperator.EqualUserId));
        Assert.Equal(new[] { "Mine" }, source.Engine().RetrieveMultiple(q, me).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());
    }

    [Fact]
    public void A_value_of_the_wrong_type_fails_naming_the_column()
    {
        var q = Accounts(new ConditionExpression("numberofemployees", ConditionOperator.Equal, "many"));
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(q), "account.numberofemployees");
    }

    [Fact]
    public void A_condition_on_an_unknown_column_fails_with_the_unknown_column_fault()
    {
        var q = Accounts(new ConditionExpression("nosuchcolumn", ConditionOperator.Equal, 1));
        var fault = FaultAssert.Throws(() => source.Engine().RetrieveMultiple(q), "nosuchcolumn");
        Assert.Equal(ErrorCodes.QueryBuilderNoAttribute, fault.ErrorCode);
    }

    [Fact]
    public void Between_with_one_value_fails_saying_how_many_it_takes()
    {
        var q = Accounts(new ConditionExpression("numberofemployees", ConditionOperator.Between, 1));
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(q), "takes 2 value(s)");
    }
}
