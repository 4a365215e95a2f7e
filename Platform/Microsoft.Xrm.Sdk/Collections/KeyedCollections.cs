using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The attribute values of an entity, by logical name.</summary>
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        /// <summary>Creates an empty collection.</summary>
        public AttributeCollection() { }
    }

    /// <summary>The formatted values of an entity's attributes, by logical name.</summary>
    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        /// <summary>Creates an empty collection.</summary>
        public FormattedValueCollection() { }
    }

    /// <summary>The alternate key values identifying a record.</summary>
    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        /// <summary>Creates an empty collection.</summary>
        public KeyAttributeCollection() { }
    }

    /// <summary>The parameters of a request or response, or of a plugin execution context.</summary>
    public class ParameterCollection : DataCollection<string, object>
    {
        /// <summary>Creates an empty collection.</summary>
        public ParameterCollection() { }

        /// <summary>Creates a collection over the given dictionary.</summary>
        protected ParameterCollection(IDictionary<string, object> dictionary) : base(dictionary) { }

        /// <summary>Sets the parameter when the value is not null.</summary>
        public void AddOrUpdateIfNotNull(string key, object value)
        {
            if (value != null) this[key] = value;
        }

        /// <summary>Gets the parameter as <typeparamref name="T"/> when it exists and has that type (or is null and T accepts null).</summary>
        public bool TryGetValue<T>(string key, out T value)
        {
            value = default(T);
            if (!base.TryGetValue(key, out object raw)) return false;
            if (raw is T typed)
            {
                value = typed;
                return true;
            }
            return raw == null && default(T) == null;
        }
    }

    /// <summary>Entity images (pre/post) of a plugin execution, by alias.</summary>
    public class EntityImageCollection : DataCollection<string, Entity>
    {
        /// <summary>Creates an empty collection.</summary>
        public EntityImageCollection() { }

        /// <summary>Creates a collection over the given dictionary.</summary>
        protected EntityImageCollection(IDictionary<string, Entity> dictionary) : base(dictionary) { }
    }

    /// <summary>Related records of an entity, by relationship.</summary>
    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
        /// <summary>Creates an empty collection.</summary>
        public RelatedEntityCollection() { }
    }

    /// <summary>Details of a service fault.</summary>
    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
        /// <summary>Creates an empty collection.</summary>
        public ErrorDetailCollection() { }
    }
}

namespace Microsoft.Xrm.Sdk
{
    /// <summary>Queries of related records to retrieve with a record, by relationship.</summary>
    public sealed class RelationshipQueryCollection : DataCollection<Relationship, Query.QueryBase>
    {
        /// <summary>Creates an empty collection.</summary>
        public RelationshipQueryCollection() { }
    }
}
