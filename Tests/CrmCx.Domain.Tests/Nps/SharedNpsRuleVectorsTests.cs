using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

/// <summary>
/// NpsMath against Tests/vectors/nps-rules.json, the file the panel's vitest suite reads too, so the C# and the
/// TypeScript copies of the low-confidence and significance rules cannot drift apart.
/// </summary>
public sealed class SharedNpsRuleVectorsTests
{
    private static readonly JsonElement Vectors = Load();

    public static IEnumerable<object?[]> LowConfidenceCases() =>
        Vectors.GetProperty("lowConfidence").EnumerateArray()
            .Select(v => new object?[] { v.GetProperty("responses").GetInt32(), Decimal(v.GetProperty("margin")), v.GetProperty("low").GetBoolean() });

    public static IEnumerable<object?[]> SignificanceCases() =>
        Vectors.GetProperty("significance").EnumerateArray()
            .Select(v => new object?[]
            {
                Decimal(v.GetProperty("nps")), Decimal(v.GetProperty("margin")), Decimal(v.GetProperty("previous")),
                Decimal(v.GetProperty("previousMargin")),
                v.GetProperty("significant").ValueKind == JsonValueKind.Null ? null : v.GetProperty("significant").GetBoolean(),
            });

    [Theory]
    [MemberData(nameof(LowConfidenceCases))]
    public void Low_confidence_follows_the_shared_vectors(int responses, decimal? margin, bool low) =>
        Assert.Equal(low, NpsMath.IsLowConfidence(responses, margin));

    [Theory]
    [MemberData(nameof(SignificanceCases))]
    public void Significance_follows_the_shared_vectors(decimal? nps, decimal? margin, decimal? previous, decimal? previousMargin, bool? significant) =>
        Assert.Equal(significant, NpsMath.IsSignificantChange(nps, margin, previous, previousMargin));

    [Fact]
    public void The_shared_vectors_cover_both_verdicts_of_both_rules()
    {
        var low = LowConfidenceCases().Select(c => (bool)c[2]!).Distinct().Count();
        var significant = SignificanceCases().Select(c => (bool?)c[4]).Distinct().Count();
        Assert.Equal(2, low);
        Assert.Equal(3, significant);
    }

    private static decimal? Decimal(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    private static JsonElement Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "Tests", "vectors", "nps-rules.json");
            if (File.Exists(path)) return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
        }
        throw new FileNotFoundException("Tests/vectors/nps-rules.json was not found above " + AppContext.BaseDirectory + ".");
    }
}
