using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmCx.Cli.Output;

/// <summary>A plain-text table with columns sized to their content; numbers right-aligned, text left-aligned.</summary>
internal sealed class TextTable(params (string Header, bool RightAligned)[] columns)
{
    private readonly List<string[]> rows = new();

    /// <summary>Adds a row (one cell per column).</summary>
    public void Add(params string[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"Expected {columns.Length} cells, got {cells.Length}.", nameof(cells));
        rows.Add(cells);
    }

    /// <summary>Writes the header, a rule and the rows.</summary>
    public void WriteTo(TextWriter writer, string indent = "")
    {
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(indent + Line(columns.Select(c => c.Header).ToArray(), widths).TrimEnd());
        writer.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) writer.WriteLine(indent + Line(row, widths).TrimEnd());
    }

    private string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => columns[i].RightAligned ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
}
