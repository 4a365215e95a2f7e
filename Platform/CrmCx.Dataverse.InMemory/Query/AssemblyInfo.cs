using System.Runtime.CompilerServices;

// The query engine is internal; its unit tests drive it through a test row source.
[assembly: InternalsVisibleTo("CrmCx.Dataverse.InMemory.Tests")]
