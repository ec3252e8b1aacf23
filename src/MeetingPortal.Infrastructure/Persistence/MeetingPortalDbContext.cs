using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Coordination;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Submissions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// The one context pages use. Each provider has a derived context only so that its migrations live
/// apart (EF binds migrations to a context type); the model is the same.
/// </summary>
public class MeetingPortalDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public MeetingPortalDbContext(DbContextOptions<MeetingPortalDbContext> options)
        : base(options)
    {
    }

    protected MeetingPortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<UnitLevel> UnitLevels => Set<UnitLevel>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>Units' names and parents over time (ADR 0018).</summary>
    public DbSet<UnitNaming> UnitNamings => Set<UnitNaming>();

    /// <summary>Organisations' names, units and parents over time (ADR 0018).</summary>
    public DbSet<OrganisationNaming> OrganisationNamings => Set<OrganisationNaming>();

    /// <summary>Reorganisation decisions applied as data (ADR 0018).</summary>
    public DbSet<Reorganisation> Reorganisations => Set<Reorganisation>();
    /// <summary>Groups and classes of bodies as the sources name them (ADR 0020).</summary>
    public DbSet<BodyGroup> BodyGroups => Set<BodyGroup>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<Speech> Speeches => Set<Speech>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Directive> Directives => Set<Directive>();

    /// <summary>The units' yearly dialogue plans, entry by entry (issue 18, deliver 1).</summary>
    public DbSet<PlannedDialogue> PlannedDialogues => Set<PlannedDialogue>();

    /// <summary>Recommendations gathered by the raising bodies before a planned dialogue (issue 18, deliver 2; ADR 0026).</summary>
    public DbSet<GatheredRecommendation> GatheredRecommendations => Set<GatheredRecommendation>();

    /// <summary>The lines of each meeting's report on the earlier dialogues' unresolved recommendations (issue 18, deliver 6).</summary>
    public DbSet<CarriedOverRecommendation> CarriedOverRecommendations => Set<CarriedOverRecommendation>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<RecommendationEvent> RecommendationEvents => Set<RecommendationEvent>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<RecommendationHop> RecommendationHops => Set<RecommendationHop>();

    /// <summary>The roadmaps of accepted recommendations (ADR 0025 section 3), one per recommendation at most.</summary>
    public DbSet<Roadmap> Roadmaps => Set<Roadmap>();
    public DbSet<Milestone> RoadmapMilestones => Set<Milestone>();

    /// <summary>The units' answer templates (ADR 0025 section 4), read by each unit and the units below it.</summary>
    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SummarySnapshot> Snapshots => Set<SummarySnapshot>();
    public DbSet<DueDateRule> DueDateRules => Set<DueDateRule>();
    public DbSet<Lease> Leases => Set<Lease>();

    /// <summary>Saved changes to counted records: the newest id is the generation cached summaries are keyed by.</summary>
    public DbSet<FigureChange> FigureChanges => Set<FigureChange>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    /// <summary>Signed-in sessions kept on the server (the cookie carries only their key).</summary>
    public DbSet<Identity.SignInSession> SignInSessions => Set<Identity.SignInSession>();

    /// <summary>Wrong passwords counted per client and account name, for the growing wait between tries.</summary>
    public DbSet<Identity.PasswordFailures> PasswordFailures => Set<Identity.PasswordFailures>();

    /// <summary>The data-protection key ring (sign-in cookies, antiforgery), shared by every server on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The meetings' public results pages (ADR 0025 section 5), off by default.</summary>
    public DbSet<PublicResults> PublicResults => Set<PublicResults>();

    /// <summary>The recommendations each public results page shows.</summary>
    public DbSet<PublicResultItem> PublicResultItems => Set<PublicResultItem>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MeetingPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Dates and times are stored as the first build stored them (DateTime/TimeSpan text in SQLite):
        // EF Core 10 would map DateOnly natively, but as "2026-11-30" where every existing row says
        // "2026-11-30 00:00:00", so switching would rewrite every date column of every installation (ADR 0007).
        configurationBuilder.Properties<DateOnly>().HaveConversion<DateOnlyConverter>();
        configurationBuilder.Properties<TimeOnly>().HaveConversion<TimeOnlyConverter>();
    }

    private sealed class DateOnlyConverter() : ValueConverter<DateOnly, DateTime>(
        d => d.ToDateTime(TimeOnly.MinValue), d => DateOnly.FromDateTime(d));

    private sealed class TimeOnlyConverter() : ValueConverter<TimeOnly, TimeSpan>(
        t => t.ToTimeSpan(), t => TimeOnly.FromTimeSpan(t));
}

/// <summary>
/// The context on SQLite. It registers the Vietnamese collation on every connection it opens
/// (<see cref="VietnameseCollation"/>, ADR 0021) itself, so every place that builds one orders names alike.
/// </summary>
public sealed class SqliteMeetingPortalDbContext(DbContextOptions<SqliteMeetingPortalDbContext> options)
    : MeetingPortalDbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.AddInterceptors(VietnameseCollation.Interceptor);
    }
}

public sealed class SqlServerMeetingPortalDbContext(DbContextOptions<SqlServerMeetingPortalDbContext> options)
    : MeetingPortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateOnly>().HaveColumnType("date");
        configurationBuilder.Properties<TimeOnly>().HaveColumnType("time");
    }
}
