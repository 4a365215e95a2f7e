namespace CrmCx.Model.Labels;

/// <summary>A user-facing text in the two languages CrmCx ships: English (1033) and French (1036).</summary>
public sealed record Label(string English, string French)
{
    /// <summary>Language code of English (United States).</summary>
    public const int EnglishLcid = 1033;

    /// <summary>Language code of French (France).</summary>
    public const int FrenchLcid = 1036;

    /// <summary>The text for a language code; English for any other language, as Dataverse falls back to the base language.</summary>
    public string For(int lcid) => lcid == FrenchLcid ? French : English;
}
