using System.Diagnostics;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.DataGenerator;

public sealed record GeneratorOptions(GeneratorScale Scale, int Seed, DateOnly AsOf, string Password);

public sealed record GeneratorResult(int Units, int Meetings, int Recommendations, int Responses, int Directives, int Accounts, TimeSpan Elapsed);

/// <summary>
/// Writes a province's (or the country's) history through the portal's own DbContext and domain
/// methods, so every status, due date, event and search row is what the portal itself would store.
/// The same seed and date give the same data. Units are written one at a time in their own context,
/// which keeps memory flat at any scale.
/// </summary>
public sealed class PortalDataGenerator(IServiceProvider services, ILogger<PortalDataGenerator> logger)
{
    private const string ActorName = "generator";

    private sealed record UnitPlan(Unit Unit, string Place, int? ParentId);

    private sealed record Bodies(int PartyCommittee, int Front, int PeoplesCommittee, IReadOnlyList<int> Raisers, IReadOnlyList<int> People);

    public async Task<GeneratorResult> GenerateAsync(GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var text = new VietnameseText(random);
        var (levels, root, themes, calendar) = await ReferenceAsync(cancellationToken);
        var units = await CreateUnitsAsync(options, text, levels, root, cancellationToken);
        logger.LogInformation("Created {Count} units", units.Count);

        var bodies = new Dictionary<int, Bodies>();
        var totals = new int[4];
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), options.Password);
        foreach (var plan in units)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var own = await CreateBodiesAsync(db, plan, text, cancellationToken);
            bodies[plan.Unit.Id] = own;
            var parent = plan.ParentId is { } parentId ? bodies[parentId] : null;
            var counts = await CreateMeetingsAsync(db, options, plan, own, parent, themes, calendar, text, random, cancellationToken);
            for (var i = 0; i < counts.Length; i++)
            {
                totals[i] += counts[i];
            }

            await CreateAccountsAsync(db, plan, own, passwordHash, random, cancellationToken);
            if (totals[0] % 1000 < counts[0])
            {
                logger.LogInformation("{Meetings} meetings, {Recommendations} recommendations so far ({Seconds:F0} s)", totals[0], totals[1], clock.Elapsed.TotalSeconds);
            }
        }

        await EnsureRootLeaderAsync(options, cancellationToken);
        return new GeneratorResult(units.Count, totals[0], totals[1], totals[2], totals[3], (units.Count * Roles.All.Count) + 1, clock.Elapsed);
    }

    /// <summary>
    /// A leader at the root unit, "leader.gen{seed}", who opens the national summary. Data sets generated
    /// before it existed get it here without being generated again.
    /// </summary>
    public async Task EnsureRootLeaderAsync(GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var userName = $"{Roles.Leader.ToLowerInvariant()}.gen{options.Seed}";
        var normalized = userName.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return;
        }

        var root = await db.Units.AsNoTracking().SingleAsync(u => u.ParentId == null, cancellationToken);
        var leader = await db.Roles.Where(r => r.Name == Roles.Leader).Select(r => r.Id).SingleAsync(cancellationToken);
        // Its own stream, so adding it later gives the same account as generating it in the first place.
        var random = new Random(options.Seed + 1);
        var user = new ApplicationUser
        {
            Id = NewGuid(random),
            UserName = userName,
            NormalizedUserName = normalized,
            FullName = $"{Roles.Leader} {root.Name}",
            UnitId = root.Id,
            PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), options.Password),
            SecurityStamp = NewGuid(random),
            ConcurrencyStamp = NewGuid(random),
            LockoutEnabled = true,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = leader });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(Dictionary<string, int> Levels, Unit Root, IReadOnlyList<int> Themes, WorkingCalendar Calendar)> ReferenceAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        // Levels are read from the seeded units, so the generator follows whatever levels the reference data has.
        var levels = new Dictionary<string, int>
        {
            ["province"] = await db.Units.Where(u => u.Code == "ha-tinh").Select(u => u.LevelId).SingleAsync(cancellationToken),
            ["district"] = await db.Units.Where(u => u.Code == "tx-ky-anh").Select(u => u.LevelId).SingleAsync(cancellationToken),
            ["ward"] = await db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.LevelId).SingleAsync(cancellationToken),
        };
        var root = await db.Units.AsNoTracking().SingleAsync(u => u.ParentId == null, cancellationToken);
        var themes = await db.Themes.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken));
        return (levels, root, themes, calendar);
    }

    private async Task<List<UnitPlan>> CreateUnitsAsync(GeneratorOptions options, VietnameseText text, Dictionary<string, int> levels, Unit root, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var tracked = await db.Units.SingleAsync(u => u.Id == root.Id, cancellationToken);
        var plans = new List<UnitPlan>();
        var scale = options.Scale;
        var prefix = $"gen{options.Seed}";
        for (var p = 1; p <= scale.Provinces; p++)
        {
            var provinceName = text.PlaceName();
            var province = await AddAsync(db, new Unit($"{prefix}-t{p}", $"Tỉnh {provinceName}", levels["province"]), tracked, cancellationToken);
            plans.Add(new UnitPlan(province, provinceName, null));
            for (var d = 1; d <= scale.DistrictsPerProvince; d++)
            {
                var districtName = text.PlaceName();
                var district = await AddAsync(db, new Unit($"{prefix}-t{p}-h{d}", $"{(d % 4 == 0 ? "Thị xã" : "Huyện")} {districtName}", levels["district"]), province, cancellationToken);
                plans.Add(new UnitPlan(district, districtName, province.Id));
                // The province's wards are spread over its districts as evenly as they go.
                var wards = (scale.WardsPerProvince / scale.DistrictsPerProvince) + (d <= scale.WardsPerProvince % scale.DistrictsPerProvince ? 1 : 0);
                for (var w = 1; w <= wards; w++)
                {
                    var wardName = text.PlaceName();
                    var ward = await AddAsync(db, new Unit($"{prefix}-t{p}-h{d}-x{w}", $"{(w % 3 == 0 ? "Phường" : "Xã")} {wardName}", levels["ward"]), district, cancellationToken);
                    plans.Add(new UnitPlan(ward, wardName, district.Id));
                }
            }
        }

        return plans;
    }

    private static async Task<Unit> AddAsync(MeetingPortalDbContext db, Unit unit, Unit parent, CancellationToken cancellationToken)
    {
        unit.PlaceUnder(parent);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        unit.AssignPath();
        await db.SaveChangesAsync(cancellationToken);
        return unit;
    }

    private static async Task<Bodies> CreateBodiesAsync(MeetingPortalDbContext db, UnitPlan plan, VietnameseText text, CancellationToken cancellationToken)
    {
        var unit = plan.Unit;
        Organisation Add(string name, OrganisationKind kind) => db.Organisations.Add(new Organisation(unit.Id, name, kind)).Entity;
        var committee = Add(plan.ParentId is null ? $"Tỉnh ủy {plan.Place}" : $"Đảng ủy {unit.Name}", OrganisationKind.PartyCommittee);
        var front = Add($"Ủy ban MTTQ Việt Nam {unit.Name}", OrganisationKind.FatherlandFront);
        var peoples = Add($"Ủy ban nhân dân {unit.Name}", OrganisationKind.PeoplesCommittee);
        var raisers = new List<Organisation>
        {
            front,
            Add($"Hội Nông dân {unit.Name}", OrganisationKind.SocioPoliticalOrganisation),
            Add($"Hội Liên hiệp Phụ nữ {unit.Name}", OrganisationKind.SocioPoliticalOrganisation),
            Add($"Đoàn Thanh niên {unit.Name}", OrganisationKind.SocioPoliticalOrganisation),
            Add($"Hội Cựu chiến binh {unit.Name}", OrganisationKind.SocioPoliticalOrganisation),
        };
        var people = Enumerable.Range(0, 8).Select(_ => db.People.Add(new Person(unit.Id, text.PersonName())).Entity).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return new Bodies(committee.Id, front.Id, peoples.Id, raisers.Select(o => o.Id).ToList(), people.Select(p => p.Id).ToList());
    }

    /// <summary>One meeting a quarter for the scale's years up to the as-of date; saved a year at a time.</summary>
    private static async Task<int[]> CreateMeetingsAsync(
        MeetingPortalDbContext db, GeneratorOptions options, UnitPlan plan, Bodies own, Bodies? parent, IReadOnlyList<int> themes,
        WorkingCalendar calendar, VietnameseText text, Random random, CancellationToken cancellationToken)
    {
        var counts = new int[4];
        var earlier = new List<Recommendation>();
        var firstYear = options.AsOf.Year - options.Scale.Years + 1;
        for (var year = firstYear; year <= options.AsOf.Year; year++)
        {
            var made = new List<Meeting>();
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var heldOn = new DateOnly(year, (quarter * 3) - 1, 10 + random.Next(0, 15));
                if (heldOn > options.AsOf)
                {
                    break;
                }

                var meeting = CreateMeeting(options, plan, own, parent, themes, calendar, text, random, heldOn, quarter, earlier);
                db.Meetings.Add(meeting);
                made.Add(meeting);
                counts[0]++;
                counts[1] += meeting.Recommendations.Count;
                counts[2] += meeting.Recommendations.Sum(r => r.Responses.Count);
                counts[3] += meeting.Directives.Count;
            }

            await db.SaveChangesAsync(cancellationToken);
            AddPlan(db, plan, year, made, random);
            await db.SaveChangesAsync(cancellationToken);
            earlier.AddRange(made.SelectMany(m => m.Recommendations));
            db.ChangeTracker.Clear();
        }

        return counts;
    }

    /// <summary>
    /// The unit's dialogue plan of <paramref name="year"/> (issue 18): a dialogue a quarter, each linked to that quarter's
    /// dialogue meeting; about one in eight is left unlinked, so the planned-against-held view has late ones to list.
    /// </summary>
    private static void AddPlan(MeetingPortalDbContext db, UnitPlan plan, int year, List<Meeting> made, Random random)
    {
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var period = new ReviewPeriod(PeriodKind.Quarter, year, quarter);
            var entry = new PlannedDialogue(plan.Unit.Id, period, $"Đối thoại giữa Thường trực cấp ủy với Mặt trận, các đoàn thể và Nhân dân quý {quarter}/{year}");
            var held = made.FirstOrDefault(m => m.Type == MeetingType.Dialogue && period.Contains(m.HeldOn));
            if (held is not null && random.Next(8) != 0)
            {
                entry.LinkMeeting(held);
            }

            db.PlannedDialogues.Add(entry);
        }
    }

    private static Meeting CreateMeeting(
        GeneratorOptions options, UnitPlan plan, Bodies own, Bodies? parent, IReadOnlyList<int> themes, WorkingCalendar calendar,
        VietnameseText text, Random random, DateOnly heldOn, int quarter, List<Recommendation> earlier)
    {
        var unit = plan.Unit;
        var type = random.Next(10) < 8 ? MeetingType.Dialogue : (MeetingType)random.Next(2, 4);
        var meeting = new Meeting(unit.Id, type, $"Hội nghị đối thoại giữa Thường trực cấp ủy với Mặt trận và các đoàn thể {unit.Name} quý {quarter}/{heldOn.Year}", heldOn)
        {
            HostOrganisationId = own.PartyCommittee,
            Location = $"Hội trường {unit.Name}",
            Summary = text.Opinion(),
            Conclusion = text.Task(),
            Period = new ReviewPeriod(PeriodKind.Quarter, heldOn.Year, quarter),
        };
        meeting.AddOrganisation(own.PartyCommittee);
        foreach (var raiser in own.Raisers)
        {
            meeting.AddOrganisation(raiser);
        }

        meeting.AddParticipant(own.People[0], ParticipantRole.Chair, "Bí thư", own.PartyCommittee);
        meeting.AddParticipant(own.People[1], ParticipantRole.CoChair, "Chủ tịch Ủy ban MTTQ", own.Front);
        meeting.AddParticipant(own.People[2], ParticipantRole.Attendee, "Chủ tịch Ủy ban nhân dân", own.PeoplesCommittee);
        meeting.AddSpeech(SpeechKind.Report, text.Opinion(), own.People[1], "Chủ tịch Ủy ban MTTQ", own.Front);

        var by = new Actor(ActorName, heldOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
        // Follow-up needs a published record (Recommendation.IsFollowed): the recorder published it the day after.
        meeting.Publish(by.AtUtc.AddDays(1));
        var recommendations = random.Next(options.Scale.MinRecommendations, options.Scale.MaxRecommendations + 1);
        var age = options.AsOf.DayNumber - heldOn.DayNumber;
        Speech? speech = null;
        for (var i = 0; i < recommendations; i++)
        {
            var raiser = text.Pick(own.Raisers);
            if (i % 3 == 0)
            {
                speech = meeting.AddSpeech(SpeechKind.Recommendation, text.Opinion(), text.Pick(own.People), null, raiser);
            }

            // About one in twelve repeats a matter the unit raised before and that is still open or was declined.
            var repeatOf = earlier.Count > 0 && random.Next(12) == 0 ? earlier[random.Next(earlier.Count)] : null;
            var recommendation = meeting.RaiseRecommendation(speech, repeatOf is null ? text.Recommendation(plan.Place) : VietnameseText.Repeat(repeatOf.Content), raiser, null);
            recommendation.ThemeId = repeatOf?.ThemeId ?? text.Pick(themes);
            if (repeatOf is not null)
            {
                recommendation.LinkAsRecurrenceOf(repeatOf, repeatOf.Meeting?.HeldOn ?? heldOn, heldOn);
            }

            Follow(recommendation, own, parent, calendar, text, random, heldOn, age, by);
        }

        meeting.AddSpeech(SpeechKind.Answer, text.Answer(), own.People[2], "Chủ tịch Ủy ban nhân dân", own.PeoplesCommittee);
        meeting.AddSpeech(SpeechKind.Conclusion, text.Task(), own.People[0], "Bí thư", own.PartyCommittee);
        for (var i = 0; i < 3; i++)
        {
            var directive = meeting.AddDirective(text.Task(), [i == 0 ? own.PeoplesCommittee : text.Pick(own.Raisers)], calendar.AddWorkingDays(heldOn, 60));
            if (age > 120 && random.Next(10) < 6)
            {
                directive.MarkDone(heldOn.AddDays(random.Next(20, 110)));
            }
        }

        meeting.RefreshSearchText();
        return meeting;
    }

    /// <summary>
    /// What happened to a recommendation after its meeting, with shares that fall as the meeting gets
    /// more recent: assigned, sometimes forwarded up, answered, resolved, judged; some left overdue.
    /// </summary>
    private static void Follow(Recommendation recommendation, Bodies own, Bodies? parent, WorkingCalendar calendar, VietnameseText text, Random random, DateOnly heldOn, int age, Actor by)
    {
        if (random.Next(100) < 8)
        {
            return;
        }

        var addressee = parent is not null && random.Next(100) < 15 ? parent.PeoplesCommittee : random.Next(2) == 0 ? own.PeoplesCommittee : own.PartyCommittee;
        var assignedOn = heldOn.AddDays(random.Next(1, 6));
        recommendation.AssignTo(addressee, calendar.AddWorkingDays(assignedOn, 30), by with { AtUtc = At(assignedOn) });
        if (parent is not null && addressee != parent.PeoplesCommittee && random.Next(100) < 5)
        {
            var forwardedOn = assignedOn.AddDays(random.Next(3, 15));
            recommendation.Forward(parent.PeoplesCommittee, Deadline.Given(calendar.AddWorkingDays(forwardedOn, 30)), "Vượt thẩm quyền cấp cơ sở", by with { AtUtc = At(forwardedOn) });
            addressee = parent.PeoplesCommittee;
        }

        // Older matters have had time to be answered; the last quarter's mostly have not.
        var answeredShare = age switch { > 365 => 88, > 120 => 75, > 45 => 45, _ => 15 };
        var roll = random.Next(100);
        var answeredOn = heldOn.AddDays(random.Next(7, 70));
        if (roll >= answeredShare || answeredOn.DayNumber > heldOn.DayNumber + age)
        {
            if (random.Next(3) == 0 && age > 20)
            {
                recommendation.Respond(ResponseKind.InProgress, heldOn.AddDays(Math.Min(age, random.Next(5, 20))), addressee, null, text.Answer(), by with { AtUtc = At(heldOn.AddDays(20)) });
            }

            return;
        }

        // Many bodies first say the matter is being looked at, then answer.
        if (random.Next(100) < 45)
        {
            var progressOn = heldOn.AddDays(random.Next(3, 7));
            recommendation.Respond(ResponseKind.InProgress, progressOn, addressee, null, text.Answer(), by with { AtUtc = At(progressOn) });
        }

        var kind = random.Next(100) switch { < 50 => ResponseKind.Accepted, < 80 => ResponseKind.Explained, < 86 => ResponseKind.Declined, _ => ResponseKind.Resolved };
        recommendation.Respond(kind, answeredOn, addressee, null, text.Answer(), by with { AtUtc = At(answeredOn) });
        if (kind is ResponseKind.Accepted or ResponseKind.Explained && random.Next(100) < 55)
        {
            var resolvedOn = answeredOn.AddDays(random.Next(10, 200));
            if (resolvedOn.DayNumber <= heldOn.DayNumber + age)
            {
                recommendation.Respond(ResponseKind.Resolved, resolvedOn, addressee, null, text.Answer(), by with { AtUtc = At(resolvedOn) });
                if (random.Next(2) == 0)
                {
                    recommendation.MarkSatisfaction(true, null, by with { AtUtc = At(resolvedOn.AddDays(7)) });
                }
            }
        }
    }

    /// <summary>Ids and stamps from the seeded random, so two runs with one seed give the same accounts.</summary>
    private static string NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static DateTime At(DateOnly date) => date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

    /// <summary>One account per role and unit, "{role}.{unit code}", all with the one password hashed once (hashing a thousand is minutes).</summary>
    private static async Task CreateAccountsAsync(MeetingPortalDbContext db, UnitPlan plan, Bodies own, string passwordHash, Random random, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        foreach (var role in Roles.All)
        {
            var userName = $"{role.ToLowerInvariant()}.{plan.Unit.Code}";
            var user = new ApplicationUser
            {
                Id = NewGuid(random),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                FullName = $"{role} {plan.Unit.Name}",
                UnitId = plan.Unit.Id,
                OrganisationId = role == Roles.Responder ? own.PeoplesCommittee : role == Roles.Raiser ? own.Front : null,
                PasswordHash = passwordHash,
                SecurityStamp = NewGuid(random),
                ConcurrencyStamp = NewGuid(random),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
