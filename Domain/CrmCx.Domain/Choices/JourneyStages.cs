using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Domain.Choices;

/// <summary>One value of choice cx_journeystage: its journey type, its order within that journey and its English label.</summary>
public sealed class JourneyStage
{
    internal JourneyStage(int value, JourneyType type, int order, string label)
    {
        Value = value;
        Type = type;
        Order = order;
        Label = label;
    }

    /// <summary>The choice value (964000000 + 100 × type digit + order).</summary>
    public int Value { get; }
    /// <summary>The journey type the stage belongs to.</summary>
    public JourneyType Type { get; }
    /// <summary>1-based position in the journey.</summary>
    public int Order { get; }
    /// <summary>English label.</summary>
    public string Label { get; }

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>The stages of every journey type (data-model.md), in journey order.</summary>
public static class JourneyStages
{
    private static readonly Dictionary<JourneyType, string[]> Labels = new Dictionary<JourneyType, string[]>
    {
        [JourneyType.Onboarding] = new[] { "Order", "Welcome", "Installation", "Activation", "First invoice", "Adoption" },
        [JourneyType.Relocation] = new[] { "Move request", "Scheduling", "Service transfer", "Confirmation" },
        [JourneyType.Renewal] = new[] { "Renewal notice", "Options review", "Decision", "Renewed" },
        [JourneyType.TechnicalIssue] = new[] { "Reported", "Diagnosis", "Resolution", "Follow-up" },
        [JourneyType.Other] = new[] { "General" },
    };

    private static readonly Dictionary<int, JourneyStage> ByValue = Labels
        .SelectMany(t => t.Value.Select((label, i) => new JourneyStage(StageValue(t.Key, i + 1), t.Key, i + 1, label)))
        .ToDictionary(s => s.Value);

    /// <summary>Every stage of every type.</summary>
    public static IEnumerable<JourneyStage> All => ByValue.Values.OrderBy(s => s.Value);

    /// <summary>The stages of a journey type, in order.</summary>
    public static IReadOnlyList<JourneyStage> Of(JourneyType type) =>
        Labels.TryGetValue(type, out _) ? ByValue.Values.Where(s => s.Type == type).OrderBy(s => s.Order).ToList() : (IReadOnlyList<JourneyStage>)Array.Empty<JourneyStage>();

    /// <summary>The stage with that choice value, or null when no stage has it.</summary>
    public static JourneyStage? Find(int value) => ByValue.TryGetValue(value, out var s) ? s : null;

    /// <summary>The first stage of a journey type.</summary>
    public static JourneyStage First(JourneyType type) => Of(type)[0];

    /// <summary>Whether the stage value belongs to the journey type.</summary>
    public static bool Belongs(int stageValue, JourneyType type) => Find(stageValue)?.Type == type;

    /// <summary>Whether the value is a defined journey type.</summary>
    public static bool IsJourneyType(int value) => Enum.IsDefined(typeof(JourneyType), value);

    private static int StageValue(JourneyType type, int order) => 964000000 + 100 * ((int)type % 10) + order;
}
