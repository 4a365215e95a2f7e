using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>RetrieveMultiple: QueryExpression, QueryByAttribute or FetchXML, run by the query engine.</summary>
internal sealed class RetrieveMultipleExecutor(InMemoryOrganization org) : IMessageExecutor
{
    // One delegate for every query this executor runs (the engine reads the org's clock through it).
    private readonly System.Func<System.DateTime> utcNow = () => org.Clock.UtcNow;

    public string MessageName => "RetrieveMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        if (!request.Parameters.TryGetValue("Query", out var value) || value is not QueryBase query)
            throw Faults.InvalidArgument("Required field 'Query' is missing for RetrieveMultiple.");
        var entityName = EntityNameOf(query);
        if (org.Pipeline.Matching(MessageName, entityName, null).Count == 0)
        {
            // No step can see or change the query or its results: the pipeline would only run the query, so run it alone
            // (a query is the commonest request, and the operation, its item and parameter views were most of its overhead).
            var direct = new RetrieveMultipleResponse();
            direct.Results["EntityCollection"] = new QueryEngine(org.Rows.Store, utcNow).RetrieveMultiple(query, scope.UserId);
            return direct;
        }
        PipelineOperation op = null!;
        EntityCollection? result = null;
        op = new PipelineOperation
        {
            SingleMessage = "RetrieveMultiple",
            EntityName = entityName,
            RequestInputs = request.Parameters,
            Items = new[] { new PipelineItem(query, System.Guid.Empty) },
            // PreOperation plugins may change the query in InputParameters: run what is there then.
            Core = _ => result = new QueryEngine(org.Rows.Store, utcNow).RetrieveMultiple((QueryBase)request.Parameters["Query"], scope.UserId),
            AfterCore = () => op.RequestOutputs["BusinessEntityCollection"] = result,
        };
        org.Runner.Run(op, scope);
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = op.RequestOutputs["BusinessEntityCollection"];
        return response;
    }

    private static string EntityNameOf(QueryBase query) => query switch
    {
        QueryExpression q => q.EntityName,
        QueryByAttribute q => q.EntityName,
        FetchExpression f => FetchEntity(f.Query),
        _ => throw Faults.InvalidArgument($"Query type {query.GetType().Name} is not supported."),
    };

    private static string FetchEntity(string fetchXml)
    {
        try
        {
            return Query.FetchXml.FetchXmlParser.Load(fetchXml).Element("entity")?.Attribute("name")?.Value ?? string.Empty;
        }
        catch (System.Xml.XmlException e)
        {
            throw Faults.InvalidArgument($"The FetchXML is not well-formed: {e.Message}");
        }
    }
}
