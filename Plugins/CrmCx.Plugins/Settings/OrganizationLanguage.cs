using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Settings;

/// <summary>
/// The organization's base language (organization.languagecode), the language of the plain-text columns every user
/// reads (cx_riskreasons) and the fallback of the text catalog. Kept per plug-in instance for <see cref="CacheFor"/>
/// of operation time, as <see cref="EnvironmentSettings"/> keeps the settings; the cached value is immutable, so
/// sharing it across threads is safe.
/// </summary>
public sealed class OrganizationLanguage
{
    /// <summary>How long a read value is used before it is read again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>The language assumed when the organization row carries none.</summary>
    public const int English = 1033;

    private volatile Cached? cached;

    /// <summary>The base language (LCID) at <paramref name="operationTime"/>, read through <paramref name="service"/> when the cached copy is stale.</summary>
    public int Get(IOrganizationService service, DateTime operationTime)
    {
        if (service == null) throw new ArgumentNullException(nameof(service));
        var current = cached;
        if (current != null && (operationTime - current.ReadAt).Duration() < CacheFor) return current.Lcid;
        var query = new QueryExpression("organization") { ColumnSet = new ColumnSet("languagecode"), TopCount = 1 };
        var lcid = service.RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<int?>("languagecode") ?? English;
        cached = new Cached(lcid, operationTime);
        return lcid;
    }

    private sealed class Cached
    {
        public Cached(int lcid, DateTime readAt)
        {
            Lcid = lcid;
            ReadAt = readAt;
        }

        public int Lcid { get; }
        public DateTime ReadAt { get; }
    }
}
