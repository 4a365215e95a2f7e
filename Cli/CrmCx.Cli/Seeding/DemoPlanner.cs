using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;

namespace CrmCx.Cli.Seeding;

/// <summary>
/// Draws the demo data set from a seed: same seed, same rows, same ids. Only the plan is random; the figures on the
/// scorecard are computed by the real plugins from these rows.
/// </summary>
internal static class DemoPlanner
{
    /// <summary>The survey tool that delivers the general NPS responses.</summary>
    public const string SurveySource = "SurveyHub";
    /// <summary>The touchpoint survey sent after each call, visit or email of a journey.</summary>
    public const string TouchpointSource = "TouchpointSurvey";

    private const double HistoryDays = 730;

    private static readonly (JourneyType Type, double Weight)[] TypeWeights =
    {
        (JourneyType.Onboarding, 0.3), (JourneyType.Relocation, 0.2), (JourneyType.Renewal, 0.2), (JourneyType.TechnicalIssue, 0.3),
    };

    /// <summary>Expected duration per type (cx-scoring.md defaults): journeys last about that long, some open ones longer.</summary>
    private static readonly Dictionary<JourneyType, int> ExpectedDays = new()
    {
        [JourneyType.Onboarding] = 90, [JourneyType.Relocation] = 30, [JourneyType.Renewal] = 45, [JourneyType.TechnicalIssue] = 14,
    };

    /// <summary>Builds the plan of one seed.</summary>
    public static DemoPlan Plan(DemoSize size)
    {
        var random = new Random(size.Seed);
        var ids = new IdSource(size.Seed);
        var accounts = PlanAccounts(size, random, ids);
        var contacts = PlanContacts(accounts, random, ids);
        var journeys = PlanJourneys(size, accounts, contacts, random, ids);
        var journeyResponses = journeys.Sum(j => j.Responses.Count);
        var responses = PlanResponses(Math.Max(0, size.Responses - journeyResponses), accounts, contacts, random);
        return new DemoPlan(size, accounts, contacts, journeys, responses);
    }

    private static List<PlannedAccount> PlanAccounts(DemoSize size, Random random, IdSource ids)
    {
        var accounts = new List<PlannedAccount>(size.Accounts);
        var used = new HashSet<string>(StringComparer.Ordinal) { NameBank.StoryAccount };
        for (var i = 0; i < size.Accounts; i++)
        {
            var french = i != 0 && random.NextDouble() < 0.4;
            string name;
            if (i == 0) name = NameBank.StoryAccount;
            else
            {
                var attempt = 0;
                do
                {
                    name = french
                        ? $"{NameBank.Pick(random, NameBank.FrenchAccountStems)} {NameBank.Pick(random, NameBank.FrenchAccountNames)}"
                        : $"{NameBank.Pick(random, NameBank.EnglishAccountStems)} {NameBank.Pick(random, NameBank.EnglishAccountKinds)}";
                    if (++attempt > 20) name += " " + (i + 1).ToString(CultureInfo.InvariantCulture);
                }
                while (!used.Add(name));
            }
            var city = NameBank.Pick(random, french ? NameBank.FrenchCities : NameBank.EnglishCities);
            var promoters = 0.30 + random.NextDouble() * 0.40;
            var detractors = 0.05 + random.NextDouble() * 0.25;
            var mood = random.NextDouble();
            // A third improve, a third decline and the rest hold steady, so the change column has real signals and noise.
            var drift = mood < 0.33 ? 0.30 : mood < 0.66 ? -0.30 : (random.NextDouble() - 0.5) * 0.1;
            if (i == 0) drift = -0.2;
            accounts.Add(new PlannedAccount(i, ids.Next(), name, city, french, i % NameBank.AccountManagers.Length, promoters, detractors, drift));
        }
        return accounts;
    }

    private static List<PlannedContact> PlanContacts(List<PlannedAccount> accounts, Random random, IdSource ids)
    {
        var contacts = new List<PlannedContact>(accounts.Count * 4);
        foreach (var account in accounts)
        {
            for (var k = 0; k < 4; k++)
            {
                var first = NameBank.Pick(random, account.French ? NameBank.FrenchFirstNames : NameBank.EnglishFirstNames);
                var last = NameBank.Pick(random, account.French ? NameBank.FrenchLastNames : NameBank.EnglishLastNames);
                contacts.Add(new PlannedContact(contacts.Count, ids.Next(), account.Index, first, last, account.French));
            }
        }
        return contacts;
    }

    private static List<PlannedJourney> PlanJourneys(DemoSize size, List<PlannedAccount> accounts, List<PlannedContact> contacts, Random random, IdSource ids)
    {
        var journeys = new List<PlannedJourney> { OnboardingStory.Plan(accounts[0], contacts[0], ids) };
        var sequence = 0;
        var attempts = 0;
        while (journeys.Count < size.Journeys && attempts++ < size.Journeys * 50)
        {
            var type = DrawType(random);
            var account = accounts[random.Next(accounts.Count)];
            var contact = contacts[account.Index * 4 + random.Next(4)];
            var isOpen = random.NextDouble() < 0.6;
            var candidate = PlanJourney(journeys.Count, type, account, contact, isOpen, random, ids, ref sequence);
            // A customer has at most one open journey of a type at a time (the linking service reuses it), so journeys
            // of one customer and type never overlap in time.
            if (journeys.Any(j => j.AccountIndex == account.Index && j.JourneyType == candidate.JourneyType && Overlap(j, candidate))) continue;
            journeys.Add(candidate);
        }
        return journeys;
    }

    private static bool Overlap(PlannedJourney a, PlannedJourney b)
    {
        var aEnd = (a.CompletedOn ?? DemoSize.Now).AddDays(1);
        var bEnd = (b.CompletedOn ?? DemoSize.Now).AddDays(1);
        return a.StartedOn < bEnd && b.StartedOn < aEnd;
    }

    private static JourneyType DrawType(Random random)
    {
        var u = random.NextDouble();
        foreach (var (type, weight) in TypeWeights)
        {
            if (u < weight) return type;
            u -= weight;
        }
        return JourneyType.TechnicalIssue;
    }

    private static PlannedJourney PlanJourney(int index, JourneyType type, PlannedAccount account, PlannedContact contact, bool isOpen, Random random, IdSource ids, ref int sequence)
    {
        var expected = ExpectedDays[type];
        var stages = JourneyStages.Of(type).ToList();
        var length = expected * (0.8 + random.NextDouble() * 0.4);
        var started = isOpen
            ? DemoSize.Now.AddDays(-expected * (0.15 + random.NextDouble() * 1.0)).AddMinutes(-random.Next(600))
            : DemoSize.HistoryStart.AddDays(10 + random.NextDouble() * (HistoryDays - length - 60));
        var span = length / stages.Count;
        var cutoff = DemoSize.Now.AddHours(-2);

        // How satisfaction moves along the stages: most journeys go well, some slide, some have one bad moment, a few
        // need far more contacts than they should.
        var profile = random.NextDouble();
        var declining = profile < 0.2;
        var badStage = profile is >= 0.2 and < 0.3 ? random.Next(stages.Count) : -1;
        var busy = profile >= 0.93;
        var startIndex = 78 + random.NextDouble() * 14;
        var endIndex = declining ? startIndex - 24 - random.NextDouble() * 10 : startIndex + (random.NextDouble() - 0.5) * 10;

        // About as many touchpoints as the type expects (busy journeys twice that), spread over the stages.
        var count = busy ? ExpectedTouchpoints(type) * 2 : Math.Max(1, (int)Math.Round(ExpectedTouchpoints(type) * (0.5 + random.NextDouble() * 0.5)));
        var perStage = new int[stages.Count];
        perStage[0] = 1;
        for (var t = 1; t < count; t++) perStage[random.Next(stages.Count)]++;
        // Every onboarding has its installation visit by a field technician.
        if (type == JourneyType.Onboarding) perStage[2] = Math.Max(1, perStage[2]);

        var touchpoints = new List<PlannedTouchpoint>();
        var responses = new List<PlannedResponse>();
        DateTime? completed = null;
        for (var s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            var stageStart = started.AddDays(span * s);
            if (stageStart >= cutoff) break;
            var times = Enumerable.Range(0, perStage[s]).Select(_ => stageStart.AddDays(random.NextDouble() * span * 0.8)).Where(t => t < cutoff).OrderBy(t => t).ToList();
            var channel = (int)Channel.Email;
            // Onboarding installations are the field technicians' (no random draw: the rest of the plan stays as it was).
            int? technician = type == JourneyType.Onboarding && s == 2 ? index % NameBank.Technicians.Length : null;
            for (var t = 0; t < times.Count; t++)
            {
                var table = TouchpointTable(type, s, t, random);
                touchpoints.Add(new PlannedTouchpoint(table, ids.Next(), times[t], stage.Value, Subject(table, type, stage.Label)) { Technician = technician });
                channel = ChannelOf(table);
            }
            // A touchpoint survey follows a touchpoint: stages nobody contacted the customer in have no survey either.
            if (times.Count > 0 && (s == 0 || random.NextDouble() < 0.85))
            {
                var share = stages.Count == 1 ? 0 : s / (double)(stages.Count - 1);
                // A slide shows early: most of the fall happens in the first two thirds of the journey.
                var target = startIndex + (endIndex - startIndex) * Math.Min(1, share * 1.5) + (random.NextDouble() - 0.5) * 6;
                var after = times.Count > 0 ? times[^1] : stageStart;
                var respondedOn = Min(after.AddHours(4 + random.Next(40)), DemoSize.Now.AddHours(-1));
                var (score, csat, effort) = s == badStage ? (3 + random.Next(3), 2, 2) : FromIndex(target, random);
                // The drivers story: the South team's installations of the last nine months leave customers unhappy.
                if (technician.HasValue && NameBank.TechnicianTeam[technician.Value] == 1 && respondedOn > DemoSize.Now.AddDays(-270))
                    (score, csat, effort) = (2 + sequence % 4, 2, 2);
                var comment = random.NextDouble() < 0.6 ? Verbatims.For(random, score, contact.French) : null;
                sequence++;
                responses.Add(new PlannedResponse(TouchpointSource, "TP-" + sequence.ToString("D5", CultureInfo.InvariantCulture), respondedOn,
                    account.Index, contact.Index, true, score, csat, effort, channel, comment, index, stage.Value));
            }
            if (!isOpen && s == stages.Count - 1) completed = started.AddDays(length);
        }
        return new PlannedJourney(index, ids.Next(), (int)type, account.Index, contact.Index, index % NameBank.ServiceAgents.Length,
            started, completed, false, touchpoints, responses);
    }

    private static int ExpectedTouchpoints(JourneyType type) => type switch
    {
        JourneyType.Onboarding => 6,
        JourneyType.Relocation => 4,
        JourneyType.Renewal => 3,
        JourneyType.TechnicalIssue => 3,
        _ => 5,
    };

    private static string TouchpointTable(JourneyType type, int stageIndex, int nth, Random random)
    {
        if (type == JourneyType.TechnicalIssue && stageIndex == 0 && nth == 0) return "incident";
        if (nth == 0 && ((type == JourneyType.Onboarding && stageIndex == 2) || (type == JourneyType.Relocation && stageIndex == 2)))
            return "appointment";
        var u = random.NextDouble();
        return u < 0.5 ? "phonecall" : u < 0.85 ? "email" : "task";
    }

    private static string Subject(string table, JourneyType type, string stage) => table switch
    {
        "incident" => $"{stage}: service not working as expected",
        "appointment" => $"Technician visit ({stage.ToLowerInvariant()})",
        "email" => $"{stage}: follow-up by email",
        "task" => $"{stage}: web form request",
        _ => $"{stage}: call about the {(type == JourneyType.TechnicalIssue ? "technical issue" : type.ToString().ToLowerInvariant())}",
    };

    private static int ChannelOf(string table) => table switch
    {
        "phonecall" => (int)Channel.Phone,
        "email" => (int)Channel.Email,
        "appointment" => (int)Channel.FieldVisit,
        "task" => (int)Channel.Web,
        _ => (int)Channel.Phone,
    };

    /// <summary>
    /// Answers whose satisfaction index (cx-scoring.md) lands near the target. The recommendation score moves less than
    /// satisfaction and effort do (people still recommend a supplier that wore them out), so CSAT and effort carry most
    /// of a fall: exactly the pattern where every touchpoint looks fine and the journey is not.
    /// </summary>
    internal static (int Score, int Csat, int Effort) FromIndex(double target, Random random)
    {
        var score = Math.Clamp((int)Math.Round(5 + target / 20 + (random.NextDouble() - 0.5) * 0.8), 0, 10);
        var rest = 3 * target - 10 * score;
        var csat = Math.Clamp((int)Math.Round(rest / 41.67), 0, 4);
        var effort = Math.Clamp((int)Math.Round((rest - 25 * csat) / 16.67), 0, 6);
        return (score, csat + 1, effort + 1);
    }

    private static List<PlannedResponse> PlanResponses(int count, List<PlannedAccount> accounts, List<PlannedContact> contacts, Random random)
    {
        // Some accounts answer far more surveys than others, as in any B2B base.
        var weights = accounts.Select(_ => 0.2 + Math.Pow(random.NextDouble(), 2) * 3).ToArray();
        var total = weights.Sum();
        var drafts = new List<(DateTime On, PlannedAccount Account, int Nth)>(count);
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble() * total;
            var a = 0;
            while (a < weights.Length - 1 && u >= weights[a]) u -= weights[a++];
            var on = DemoSize.HistoryStart.AddMinutes(random.NextDouble() * (HistoryDays * 24 * 60 - 120));
            drafts.Add((on, accounts[a], i));
        }
        drafts.Sort((x, y) => x.On != y.On ? x.On.CompareTo(y.On) : x.Nth.CompareTo(y.Nth));

        var responses = new List<PlannedResponse>(count + 3);
        var n = 0;
        foreach (var (on, account, _) in drafts)
        {
            var t = (on - DemoSize.HistoryStart).TotalDays / HistoryDays;
            var promoter = Math.Clamp(account.PromoterShare + account.Drift * (t - 0.5), 0.02, 0.95);
            var detractor = Math.Clamp(account.DetractorShare - account.Drift * 0.8 * (t - 0.5), 0.02, 0.9);
            var u = random.NextDouble();
            var score = u < promoter ? 9 + random.Next(2) : u < promoter + detractor ? random.Next(7) : 7 + random.Next(2);
            var withContact = random.NextDouble() < 0.9;
            var contact = withContact ? contacts[account.Index * 4 + random.Next(4)] : null;
            var namesAccount = contact is null || random.NextDouble() < 0.5;
            int? csat = random.NextDouble() < 0.8 ? Math.Clamp(score / 2, 1, 5) : null;
            int? effort = random.NextDouble() < 0.7 ? Math.Clamp(score * 7 / 10, 1, 7) : null;
            var comment = random.NextDouble() < 0.55 ? Verbatims.For(random, score, account.French) : null;
            n++;
            responses.Add(new PlannedResponse(SurveySource, "SH-" + n.ToString("D6", CultureInfo.InvariantCulture), on, account.Index,
                contact?.Index, namesAccount, score, csat, effort, DrawChannel(random), comment, null, null));
        }

        AddFlawedRows(responses, accounts, contacts);
        responses.Sort((x, y) => x.RespondedOn.CompareTo(y.RespondedOn));
        return responses;
    }

    /// <summary>Three rows a real feed would carry: an out-of-range score, an out-of-range CSAT, a contact named with another account.</summary>
    private static void AddFlawedRows(List<PlannedResponse> responses, List<PlannedAccount> accounts, List<PlannedContact> contacts)
    {
        var last = accounts.Count - 1;
        responses.Add(new PlannedResponse(SurveySource, "SH-BAD-1", DemoSize.Now.AddDays(-95.3), last, last * 4, true, 11, 4, 6,
            (int)Channel.Web, "Excellent!!", null, null) { Flaw = "score 11" });
        responses.Add(new PlannedResponse(SurveySource, "SH-BAD-2", DemoSize.Now.AddDays(-12.6), last, last * 4 + 1, false, 8, 9, 5,
            (int)Channel.Email, null, null, null) { Flaw = "csat 9" });
        if (accounts.Count > 1)
        {
            responses.Add(new PlannedResponse(SurveySource, "SH-BAD-3", DemoSize.Now.AddDays(-3.2), 0, contacts[4].Index, true, 6, 3, 4,
                (int)Channel.Phone, "Contact mislabelled by the survey tool.", null, null) { Flaw = "contact of another account", WrongAccountIndex = 0 });
        }
    }

    private static int DrawChannel(Random random)
    {
        var u = random.NextDouble();
        return u < 0.40 ? (int)Channel.Email : u < 0.70 ? (int)Channel.Web : u < 0.85 ? (int)Channel.Phone : u < 0.95 ? (int)Channel.Chat : (int)Channel.Store;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Deterministic GUIDs: the demo gives every row its id so that a seed reproduces the same org.</summary>
    internal sealed class IdSource(int seed)
    {
        private readonly Random random = new(unchecked(seed * 7919 + 17));

        public Guid Next()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }
    }
}
