using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>A dictionary of SDK values (attributes, parameters, images...).</summary>
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    // Made on the first write: most collections of a record (formatted values, key attributes, images) stay empty,
    // and an empty dictionary per record is what the in-memory organization's copies spent most on.
    private IDictionary<TKey, TValue> _inner;

    /// <summary>Creates an empty collection.</summary>
    protected DataCollection() { }

    /// <summary>Creates a collection over the given dictionary.</summary>
    protected DataCollection(IDictionary<TKey, TValue> dictionary)
    {
        _inner = dictionary;
    }

    private IDictionary<TKey, TValue> Inner => _inner ??= new Dictionary<TKey, TValue>();

    /// <summary>Gets or sets the value of a key; getting a missing key throws <see cref="KeyNotFoundException"/>.</summary>
    public virtual TValue this[TKey key]
    {
        get { return Inner[key]; }
        set { Inner[key] = value; }
    }

    /// <summary>The number of entries.</summary>
    public int Count => _inner is null ? 0 : _inner.Count;

    /// <summary>Whether the collection is read-only.</summary>
    public virtual bool IsReadOnly => false;

    /// <summary>The keys.</summary>
    public ICollection<TKey> Keys => Inner.Keys;

    /// <summary>The values.</summary>
    public ICollection<TValue> Values => Inner.Values;

    /// <summary>Adds an entry; throws if the key exists.</summary>
    public void Add(TKey key, TValue value) => Inner.Add(key, value);

    /// <summary>Adds an entry; throws if the key exists.</summary>
    public void Add(KeyValuePair<TKey, TValue> item) => Inner.Add(item);

    /// <summary>Adds every entry.</summary>
    public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

    /// <summary>Adds every entry.</summary>
    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        if (items == null) return;
        // An empty collection given a counted range is made at its size at once.
        if (_inner == null && items is ICollection<KeyValuePair<TKey, TValue>> counted && counted.Count > 0) _inner = new Dictionary<TKey, TValue>(counted.Count);
        foreach (var item in items) Inner.Add(item);
    }

    /// <summary>Removes every entry.</summary>
    public void Clear() => _inner?.Clear();

    /// <summary>Whether the key exists.</summary>
    public bool Contains(TKey key) => _inner is null ? CheckKey(key) : _inner.ContainsKey(key);

    /// <summary>Whether the entry exists.</summary>
    public bool Contains(KeyValuePair<TKey, TValue> key) => _inner is not null && _inner.Contains(key);

    /// <summary>Whether the key exists.</summary>
    public bool ContainsKey(TKey key) => _inner is null ? CheckKey(key) : _inner.ContainsKey(key);

    /// <summary>Copies the entries into an array.</summary>
    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => Inner.CopyTo(array, index);

    /// <summary>Enumerates the entries.</summary>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _inner is null ? ((IEnumerable<KeyValuePair<TKey, TValue>>)Empty).GetEnumerator() : _inner.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Removes a key.</summary>
    public bool Remove(TKey key) => _inner is null ? CheckKey(key) : _inner.Remove(key);

    /// <summary>Removes an entry.</summary>
    public bool Remove(KeyValuePair<TKey, TValue> item) => _inner is not null && _inner.Remove(item);

    /// <summary>Gets the value of a key if it exists.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_inner is not null) return _inner.TryGetValue(key, out value);
        CheckKey(key);
        value = default(TValue);
        return false;
    }

    private static readonly KeyValuePair<TKey, TValue>[] Empty = new KeyValuePair<TKey, TValue>[0];

    // An empty collection still refuses a null key, as the dictionary it stands for does.
    private static bool CheckKey(TKey key) => key is null ? throw new ArgumentNullException(nameof(key)) : false;
}
