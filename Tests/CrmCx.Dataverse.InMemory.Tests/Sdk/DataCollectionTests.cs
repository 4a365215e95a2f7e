using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Sdk;

/// <summary>
/// The reference SDK's keyed collections make their dictionary on the first write (most collections of a record stay
/// empty); an empty one must still answer exactly as the dictionary it stands for.
/// </summary>
public sealed class DataCollectionTests
{
    [Fact]
    public void An_empty_collection_answers_as_an_empty_dictionary_and_refuses_a_null_key()
    {
        var formatted = new Entity("account").FormattedValues;
        var keys = new KeyAttributeCollection();

        Assert.Equal(0, formatted.Count);
        Assert.False(formatted.Contains("name"));
        Assert.False(keys.TryGetValue("accountnumber", out var value));
        Assert.Null(value);
        Assert.False(keys.Remove("accountnumber"));
        Assert.Empty(keys);
        Assert.Throws<KeyNotFoundException>(() => keys["accountnumber"]);
        Assert.Throws<ArgumentNullException>(() => keys.ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => keys.TryGetValue(null!, out _));
        keys.Clear();
        Assert.Equal(0, keys.Count);
    }

    [Fact]
    public void A_collection_holds_what_is_written_to_it_after_being_read_empty()
    {
        var parameters = new ParameterCollection();
        Assert.False(parameters.Contains("Target"));

        parameters["Target"] = new Entity("account");
        parameters.Add("Id", Guid.Empty);

        Assert.Equal(2, parameters.Count);
        Assert.IsType<Entity>(parameters["Target"]);
        Assert.Equal(new[] { "Target", "Id" }, parameters.Keys);
        Assert.Throws<ArgumentException>(() => parameters.Add("Id", Guid.NewGuid()));
    }
}
