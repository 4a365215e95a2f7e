using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using CrmCx.Infrastructure;

namespace CrmCx.Nps;

/// <summary>A cx_npsday row as read: its id and counts.</summary>
internal sealed class StoredDay
{
    public StoredDay(Guid id, NpsCounts counts)
    {
        Id = id;
        Counts = counts;
    }

    public Guid Id { get; }
    public NpsCounts Counts { get; }
}

/// <summary>Reads and writes the day summaries (cx_npsday) of accounts and contacts.</summary>
internal sealed class NpsDayRows
{
    /// <summary>Error code of an insert that breaks an alternate key (DuplicateRecordEntityKey).</summary>
    public const int DuplicateKey = unchecked((int)0x80060892);

    /// <summary>Customers per read: 60 customers × 731 days stays under ten pages even with a response every day.</summary>
    private const int CustomersPerQuery = 60;

    private const int PageSize = 5000;

    private static readonly string[] Columns =
    {
        NpsDaySchema.Id, NpsDaySchema.Account, NpsDaySchema.Contact, NpsDaySchema.Day,
        NpsDaySchema.Promoters, NpsDaySchema.Passives, NpsDaySchema.Detractors, NpsDaySchema.LastResponseOn,
    };

    private readonly IOrganizationService service;

    public NpsDayRows(IOrganizationService service)
    {
        this.service = service;
    }

    /// <summary>The alternate key value of a customer's day: "account:{id}:yyyyMMdd".</summary>
    public static string Key(EntityReference customer, UtcDay day) =>
        customer.LogicalName + ":" + customer.Id.ToString("D") + ":" + day.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored days of each customer from <paramref name="first"/> to <paramref name="last"/>, keyed by table:id.</summary>
    public Dictionary<string, Dictionary<UtcDay, StoredDay>> Read(IReadOnlyList<EntityReference> customers, UtcDay first, UtcDay last)
    {
        var result = new Dictionary<string, Dictionary<UtcDay, StoredDay>>(StringComparer.Ordinal);
        if (last < first) return result;
        for (var start = 0; start < customers.Count; start += CustomersPerQuery)
        {
            var chunk = customers.Skip(start).Take(CustomersPerQuery).ToList();
            var accounts = chunk.Where(c => c.LogicalName == CustomerSchema.Account).Select(c => c.Id).ToList();
            var contacts = chunk.Where(c => c.LogicalName == CustomerSchema.Contact).Select(c => c.Id).ToList();
            for (var page = 1; ; page++)
            {
                var rows = service.RetrieveMultiple(Fetch(accounts, contacts, first, last, page).ToExpression());
                foreach (var row in rows.Entities)
                {
                    var number = row.GetAttributeValue<int?>(NpsDaySchema.Day);
                    var account = row.GetAttributeValue<EntityReference>(NpsDaySchema.Account);
                    var contact = row.GetAttributeValue<EntityReference>(NpsDaySchema.Contact);
                    var customer = account != null ? CustomerSchema.Account + ":" + account.Id.ToString("D")
                        : contact != null ? CustomerSchema.Contact + ":" + contact.Id.ToString("D") : null;
                    if (customer == null || !number.HasValue) continue;
                    UtcDay day;
                    try
                    {
                        day = UtcDay.FromNumber(number.Value);
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        continue; // not a date: a hand-edited row; the day is summarized again when touched
                    }
                    var counts = new NpsCounts(
                        Math.Max(0, row.GetAttributeValue<int?>(NpsDaySchema.Promoters) ?? 0),
                        Math.Max(0, row.GetAttributeValue<int?>(NpsDaySchema.Passives) ?? 0),
                        Math.Max(0, row.GetAttributeValue<int?>(NpsDaySchema.Detractors) ?? 0),
                        Utc(row.GetAttributeValue<DateTime?>(NpsDaySchema.LastResponseOn)));
                    Dictionary<UtcDay, StoredDay>? days;
                    if (!result.TryGetValue(customer, out days)) result[customer] = days = new Dictionary<UtcDay, StoredDay>();
                    days[day] = new StoredDay(row.Id, counts);
                }
                if (!rows.MoreRecords) break;
            }
        }
        return result;
    }

    /// <summary>A new row for a customer's day.</summary>
    public static Entity New(EntityReference customer, string? customerName, UtcDay day, NpsCounts counts)
    {
        var row = new Entity(NpsDaySchema.EntityName);
        var name = (string.IsNullOrEmpty(customerName) ? customer.LogicalName : customerName!) + " " + day;
        row[NpsDaySchema.Name] = name.Length > 100 ? name.Substring(name.Length - 100) : name;
        row[NpsDaySchema.Key] = Key(customer, day);
        row[customer.LogicalName == CustomerSchema.Account ? NpsDaySchema.Account : NpsDaySchema.Contact] = new EntityReference(customer.LogicalName, customer.Id);
        row[NpsDaySchema.Day] = day.Number;
        SetCounts(row, counts);
        return row;
    }

    /// <summary>An update of a stored row to new counts.</summary>
    public static Entity Change(Guid id, NpsCounts counts)
    {
        var row = new Entity(NpsDaySchema.EntityName, id);
        SetCounts(row, counts);
        return row;
    }

    /// <summary>
    /// Creates and updates rows one request each: bulk and batch messages are not supported from plug-ins
    /// (MicrosoftDocs/powerapps-docs bulk-operations.md, "Not supported for use in plug-ins"). Returns the customer
    /// keys (table:id) whose new rows were refused because another rollup created the same day meanwhile (the
    /// alternate key); those customers must be recomputed again.
    /// </summary>
    public HashSet<string> Write(IReadOnlyList<KeyValuePair<string, Entity>> creates, IReadOnlyList<Entity> updates)
    {
        var conflicts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var create in creates)
        {
            // A customer that lost one day to a concurrent rollup reads its days again: skip its other new days.
            if (conflicts.Contains(create.Key)) continue;
            try
            {
                service.Create(create.Value);
            }
            catch (FaultException<OrganizationServiceFault> e) when (e.Detail != null && e.Detail.ErrorCode == DuplicateKey)
            {
                conflicts.Add(create.Key);
            }
        }
        foreach (var update in updates) service.Update(update);
        return conflicts;
    }

    private static void SetCounts(Entity row, NpsCounts counts)
    {
        row[NpsDaySchema.Promoters] = counts.Promoters;
        row[NpsDaySchema.Passives] = counts.Passives;
        row[NpsDaySchema.Detractors] = counts.Detractors;
        row[NpsDaySchema.LastResponseOn] = counts.Newest;
    }

    private static FetchXml Fetch(List<Guid> accounts, List<Guid> contacts, UtcDay first, UtcDay last, int page)
    {
        var fetch = FetchXml.Of(NpsDaySchema.EntityName, count: PageSize, page: page).Attributes(Columns).Filter().Filter("or");
        if (accounts.Count > 0) fetch.In(NpsDaySchema.Account, accounts);
        if (contacts.Count > 0) fetch.In(NpsDaySchema.Contact, contacts);
        fetch.End().Condition(NpsDaySchema.Day, "ge", first.Number).Condition(NpsDaySchema.Day, "le", last.Number).End();
        // A stable order for the pages.
        return fetch.Order(NpsDaySchema.Id);
    }

    private static DateTime? Utc(DateTime? value) => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : (DateTime?)null;
}
