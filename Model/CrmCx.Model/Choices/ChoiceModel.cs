using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Choices;

/// <summary>One value of a choice with its labels.</summary>
public sealed record ChoiceOption(int Value, Label Label);

/// <summary>A global choice (option set) shared by the columns that use it.</summary>
public sealed record ChoiceModel(string Name, Label DisplayName, Label Description, IReadOnlyList<ChoiceOption> Options)
{
    /// <summary>The option with this value.</summary>
    public ChoiceOption this[int value] =>
        Options.FirstOrDefault(o => o.Value == value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"Choice '{Name}' has no value {value}.");

    /// <summary>Every value, in display order.</summary>
    public IReadOnlyList<int> Values => Options.Select(o => o.Value).ToArray();
}
