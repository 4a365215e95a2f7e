using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk;

/// <summary>A record of a table: logical name, id, attribute values and formatted values.</summary>
public class Entity : IExtensibleDataObject
{
    private AttributeCollection _attributes;
    private FormattedValueCollection _formattedValues;
    private RelatedEntityCollection _relatedEntities;
    private KeyAttributeCollection _keyAttributes;
    private Guid _id;

    /// <summary>Creates an entity without a logical name.</summary>
    public Entity() : this((string)null) { }

    /// <summary>Creates an entity of the given table.</summary>
    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    /// <summary>Creates an entity of the given table with the given id.</summary>
    public Entity(string entityName, Guid id) : this(entityName)
    {
        _id = id;
    }

    /// <summary>Creates an entity identified by one alternate key value.</summary>
    public Entity(string entityName, string keyName, object keyValue) : this(entityName)
    {
        KeyAttributes[keyName] = keyValue;
    }

    /// <summary>Creates an entity identified by alternate key values.</summary>
    public Entity(string entityName, KeyAttributeCollection keyAttributes) : this(entityName)
    {
        _keyAttributes = keyAttributes;
    }

    /// <summary>The table's logical name.</summary>
    public string LogicalName { get; set; }

    /// <summary>The record id.</summary>
    public virtual Guid Id
    {
        get { return _id; }
        set { _id = value; }
    }

    /// <summary>The attribute values, by logical name.</summary>
    public AttributeCollection Attributes
    {
        get { return _attributes ?? (_attributes = new AttributeCollection()); }
        set { _attributes = value; }
    }

    /// <summary>The change state of the entity (for OrganizationServiceContext).</summary>
    public EntityState? EntityState { get; set; }

    /// <summary>The formatted values of the attributes, by logical name.</summary>
    public FormattedValueCollection FormattedValues
    {
        get { return _formattedValues ?? (_formattedValues = new FormattedValueCollection()); }
        internal set { _formattedValues = value; }
    }

    /// <summary>Related records, by relationship.</summary>
    public RelatedEntityCollection RelatedEntities
    {
        get { return _relatedEntities ?? (_relatedEntities = new RelatedEntityCollection()); }
        internal set { _relatedEntities = value; }
    }

    /// <summary>The alternate key values identifying the record.</summary>
    public KeyAttributeCollection KeyAttributes
    {
        get { return _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection()); }
        set { _keyAttributes = value; }
    }

    /// <summary>The row version (optimistic concurrency).</summary>
    public string RowVersion { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Gets or sets an attribute value; getting a missing attribute throws <see cref="KeyNotFoundException"/>.</summary>
    public object this[string attributeName]
    {
        get { return Attributes[attributeName]; }
        set { Attributes[attributeName] = value; }
    }

    /// <summary>Whether the entity has a value (possibly null) for the attribute.</summary>
    public bool Contains(string attributeName) => Attributes.Contains(attributeName);

    /// <summary>The attribute value as <typeparamref name="T"/>, or default when the attribute is missing or null.</summary>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName)) throw new ArgumentNullException(nameof(attributeLogicalName));
        if (!Attributes.TryGetValue(attributeLogicalName, out object value) || value == null) return default(T);
        return (T)value;
    }

    /// <summary>Gets the attribute value when it exists and has type <typeparamref name="T"/>.</summary>
    public bool TryGetAttributeValue<T>(string attributeLogicalName, out T value)
    {
        if (Attributes.TryGetValue(attributeLogicalName, out object raw) && raw is T typed)
        {
            value = typed;
            return true;
        }
        value = default(T);
        return false;
    }

    /// <summary>Sets an attribute value.</summary>
    protected virtual void SetAttributeValue(string attributeLogicalName, object value)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName)) throw new ArgumentNullException(nameof(attributeLogicalName));
        this[attributeLogicalName] = value;
    }

    /// <summary>The formatted value of an attribute, or null.</summary>
    protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
    {
        if (string.IsNullOrWhiteSpace(attributeLogicalName)) throw new ArgumentNullException(nameof(attributeLogicalName));
        return FormattedValues.TryGetValue(attributeLogicalName, out string value) ? value : null;
    }

    /// <summary>The first related record of a relationship, or null.</summary>
    protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole) where TEntity : Entity
    {
        if (string.IsNullOrWhiteSpace(relationshipSchemaName)) throw new ArgumentNullException(nameof(relationshipSchemaName));
        var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        return RelatedEntities.TryGetValue(key, out EntityCollection related) ? (TEntity)related.Entities.FirstOrDefault() : null;
    }

    /// <summary>Sets (or with null removes) the related record of a relationship.</summary>
    protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity) where TEntity : Entity
    {
        if (string.IsNullOrWhiteSpace(relationshipSchemaName)) throw new ArgumentNullException(nameof(relationshipSchemaName));
        var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (entity == null) { RelatedEntities.Remove(key); return; }
        RelatedEntities[key] = new EntityCollection(new List<Entity> { entity }) { EntityName = entity.LogicalName };
    }

    /// <summary>The related records of a relationship, or null.</summary>
    protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole) where TEntity : Entity
    {
        if (string.IsNullOrWhiteSpace(relationshipSchemaName)) throw new ArgumentNullException(nameof(relationshipSchemaName));
        var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        return RelatedEntities.TryGetValue(key, out EntityCollection related) ? related.Entities.Cast<TEntity>() : null;
    }

    /// <summary>Sets (or with null removes) the related records of a relationship.</summary>
    protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities) where TEntity : Entity
    {
        if (string.IsNullOrWhiteSpace(relationshipSchemaName)) throw new ArgumentNullException(nameof(relationshipSchemaName));
        var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
        if (entities == null) { RelatedEntities.Remove(key); return; }
        var list = entities.Cast<Entity>().ToList();
        RelatedEntities[key] = new EntityCollection(list) { EntityName = list.Count > 0 ? list[0].LogicalName : null };
    }

    /// <summary>This entity as <typeparamref name="T"/>, sharing its attribute collections (as the real SDK does).</summary>
    public T ToEntity<T>() where T : Entity
    {
        if (typeof(T) == typeof(Entity))
        {
            var copy = new Entity();
            ShallowCopyTo(copy);
            return (T)copy;
        }
        if (string.IsNullOrWhiteSpace(LogicalName))
            throw new NotSupportedException("LogicalName must be set before calling ToEntity()");
        var attribute = (EntityLogicalNameAttribute)typeof(T).GetCustomAttributes(typeof(EntityLogicalNameAttribute), true).FirstOrDefault();
        var targetName = attribute?.LogicalName;
        if (string.IsNullOrWhiteSpace(targetName))
            throw new NotSupportedException("Cannot convert to type that is does not have EntityLogicalNameAttribute");
        if (LogicalName != targetName)
            throw new NotSupportedException(string.Format(CultureInfo.InvariantCulture, "Cannot convert entity {0} to {1}", LogicalName, targetName));
        var result = (T)Activator.CreateInstance(typeof(T));
        ShallowCopyTo(result);
        return result;
    }

    /// <summary>A reference to this record.</summary>
    public EntityReference ToEntityReference()
    {
        var reference = new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
        if (_keyAttributes != null && _keyAttributes.Count > 0) reference.KeyAttributes = _keyAttributes;
        return reference;
    }

    internal void ShallowCopyTo(Entity target)
    {
        if (target == null || ReferenceEquals(target, this)) return;
        target.Id = Id;
        target.LogicalName = LogicalName;
        target.EntityState = EntityState;
        target.Attributes = Attributes;
        target.FormattedValues = FormattedValues;
        target.RelatedEntities = RelatedEntities;
        target.KeyAttributes = KeyAttributes;
        target.RowVersion = RowVersion;
        target.ExtensionData = ExtensionData;
    }
}
