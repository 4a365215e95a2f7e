using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>Which image(s) a registered image is.</summary>
public enum ImageKind
{
    /// <summary>The row before the operation.</summary>
    PreImage = 0,
    /// <summary>The row after the operation.</summary>
    PostImage = 1,
    /// <summary>Both.</summary>
    Both = 2,
}

/// <summary>An entity image registered on a step: name, kind and columns (empty means all columns).</summary>
public sealed record StepImage(string Name, ImageKind Kind, IReadOnlyList<string> Attributes)
{
    /// <summary>The key of the image in PreEntityImages/PostEntityImages (understand-the-data-context.md: context.PreEntityImages["alias"]); the name unless set.</summary>
    public string EntityAlias { get; init; } = Name;

    /// <summary>The request property the image is taken from (Target, Id, Targets, ...), as the step file states it; null when not given.</summary>
    public string? MessagePropertyName { get; init; }

    /// <summary>The sdkmessageprocessingstepimageid, when the image came from a step file.</summary>
    public Guid? Id { get; init; }

    /// <summary>Whether the image is a pre-image.</summary>
    public bool IsPre => Kind is ImageKind.PreImage or ImageKind.Both;

    /// <summary>Whether the image is a post-image.</summary>
    public bool IsPost => Kind is ImageKind.PostImage or ImageKind.Both;

    /// <summary>Parses a comma separated column list ("" or null means all columns).</summary>
    public static IReadOnlyList<string> ParseColumns(string? columns) =>
        string.IsNullOrWhiteSpace(columns) ? Array.Empty<string>() : columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
