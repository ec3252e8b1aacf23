using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using MeetingPortal.Application.Units;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

public enum RecommendationSort
{
    DueDate,
    Newest,
    Oldest,
}

/// <summary>The tracker's filters, bound from the query string and shared by the list and its exports.</summary>
public sealed class RecommendationFilter
{
    // The domain's status groups (RecommendationStatuses), as arrays for the queries.
    private static readonly RecommendationStatus[] AwaitingAnswer = [.. RecommendationStatuses.AwaitingAnswer];

    /// <summary>The longest text search taken; a longer one is refused beside the box, with what was typed kept.</summary>
    public const int QueryMaxLength = 200;

    /// <summary>
    /// Words searched in each recommendation's content and its answers, folded as every search box folds them
    /// (<see cref="TextNormalizer.SearchTerms"/>): each word must start a word of the recommendation or of one of its
    /// answers, a "quoted phrase" must stand whole (ADR 0021).
    /// </summary>
    [Display(Name = "Filter.Query")]
    public string? Q { get; set; }

    [Display(Name = "Meetings.Status")]
    public RecommendationStatus? Status { get; set; }

    [Display(Name = "Recommendation.Theme")]
    public int? Theme { get; set; }

    [Display(Name = "Meetings.Unit")]
    public int? Unit { get; set; }

    [Display(Name = "Recommendation.RaisedBy")]
    public int? RaisedBy { get; set; }

    [Display(Name = "Recommendation.AddressedTo")]
    public int? AddressedTo { get; set; }

    [Display(Name = "Filter.From")]
    public DateOnly? From { get; set; }

    [Display(Name = "Filter.To")]
    public DateOnly? To { get; set; }

    [Display(Name = "Filter.Year")]
    public int? Year { get; set; }

    [Display(Name = "Filter.Quarter")]
    public int? Quarter { get; set; }

    [Display(Name = "Tracker.Overdue")]
    public bool Overdue { get; set; }

    [Display(Name = "Tracker.DueWithin")]
    public int? DueWithin { get; set; }

    /// <summary>Taken up again and not answered since (<see cref="RecommendationStatuses.Reopened"/>): the home's "reopened".</summary>
    [Display(Name = "Tracker.Reopened")]
    public bool Reopened { get; set; }

    /// <summary>Open with a roadmap (<see cref="FigureDefinitions.OnRoadmap"/>): the summary's "on a roadmap".</summary>
    [Display(Name = "Tracker.OnRoadmap")]
    public bool OnRoadmap { get; set; }

    /// <summary>On a roadmap with a milestone or the planned date passed (<see cref="FigureDefinitions.RoadmapOverdue"/>): "roadmap overdue".</summary>
    [Display(Name = "Tracker.RoadmapOverdue")]
    public bool RoadmapOverdue { get; set; }

    /// <summary>Not settled: new, assigned, in progress or answered.</summary>
    [Display(Name = "Tracker.Open")]
    public bool Open { get; set; }

    /// <summary>Has a reply (tiếp thu, giải trình, resolution or refusal), whatever happened since.</summary>
    [Display(Name = "Tracker.Answered")]
    public bool? Answered { get; set; }

    /// <summary>Settled: resolved or closed after resolution.</summary>
    [Display(Name = "Tracker.Resolved")]
    public bool? Resolved { get; set; }

    /// <summary>Has a due date; with <see cref="OnTime"/>, was first answered by it.</summary>
    [Display(Name = "Tracker.WithDue")]
    public bool WithDue { get; set; }

    /// <summary>Answered on time (<see cref="FigureDefinitions.OnTime"/>): the summary's on-time figure.</summary>
    [Display(Name = "Tracker.OnTime")]
    public bool OnTime { get; set; }

    /// <summary>Where the item stands against its due date today (<see cref="FigureDefinitions.Due"/>).</summary>
    [Display(Name = "Tracker.Due")]
    public DueState? Due { get; set; }

    /// <summary>Only items of published meetings: what summaries count (<see cref="FigureDefinitions.CountedRecommendation"/>).</summary>
    [Display(Name = "Tracker.Published")]
    public bool Published { get; set; }

    [Display(Name = "Filter.Sort")]
    public RecommendationSort Sort { get; set; }

    /// <summary>Everything but the status filter, so the counts per status describe the same set.</summary>
    public async Task<IQueryable<Recommendation>> ApplyWithoutStatusAsync(MeetingPortalDbContext db, UnitScope scope, CalendarService calendar, CancellationToken cancellationToken)
    {
        var query = db.Recommendations.AsNoTracking().InScope(scope);
        // Each term, from a word's start, in the folded content or in a folded answer: stored folded columns
        // compared in SQL, never rows loaded to be folded here. A refused (too long) search searches nothing.
        foreach (var term in Q is { Length: <= QueryMaxLength } ? TextNormalizer.SearchTerms(Q) : [])
        {
            var wordStart = " " + term;
            query = query.Where(r => r.SearchText.Contains(wordStart) || r.Responses.Any(x => x.SearchText.Contains(wordStart)));
        }

        if (Unit is { } unitId)
        {
            var subtree = await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken);
            query = subtree is { } chosen ? query.InScope(chosen) : query.Where(_ => false);
        }

        if (Theme is { } themeId)
        {
            query = query.Where(r => r.ThemeId == themeId);
        }

        if (RaisedBy is { } raisedBy)
        {
            query = query.Where(r => r.RaisedByOrganisationId == raisedBy);
        }

        if (AddressedTo is { } addressedTo)
        {
            query = query.Where(r => r.AddressedToOrganisationId == addressedTo);
        }

        if (From is { } from)
        {
            query = query.Where(r => r.Meeting!.HeldOn >= from);
        }

        if (To is { } to)
        {
            query = query.Where(r => r.Meeting!.HeldOn <= to);
        }

        if (Year is { } year && ReviewPeriod.IsValidYear(year))
        {
            var period = Quarter is { } quarter && ReviewPeriod.IsValid(PeriodKind.Quarter, year, quarter)
                ? new ReviewPeriod(PeriodKind.Quarter, year, quarter)
                : new ReviewPeriod(PeriodKind.Year, year, 1);
            var (start, end) = (period.Start, period.End);
            query = query.Where(r => r.Meeting!.HeldOn >= start && r.Meeting.HeldOn <= end);
        }

        // Each criterion a summary figure applies is that figure's one definition (FigureDefinitions).
        var today = calendar.Today;
        if (Published)
        {
            query = query.Where(FigureDefinitions.CountedRecommendation);
        }

        if (Open)
        {
            query = query.Where(FigureDefinitions.Open);
        }

        if (Answered is { } answered)
        {
            query = answered ? query.Where(FigureDefinitions.Answered) : query.Where(r => r.FirstAnsweredOn == null);
        }

        if (Resolved is { } resolved)
        {
            query = resolved ? query.Where(FigureDefinitions.Resolved) : query.Where(r => r.ResolvedOn == null);
        }

        if (WithDue)
        {
            query = query.Where(r => r.DueOn != null);
        }

        if (Due is { } due && Enum.IsDefined(due))
        {
            query = query.Where(FigureDefinitions.Due(due, today));
        }

        if (OnTime)
        {
            query = query.Where(FigureDefinitions.OnTime(today));
        }

        if (Overdue)
        {
            query = query.Where(RecommendationStatuses.OverdueOn(today));
        }

        if (OnRoadmap)
        {
            query = query.Where(FigureDefinitions.OnRoadmap);
        }

        if (RoadmapOverdue)
        {
            query = query.Where(FigureDefinitions.RoadmapOverdue(today));
        }

        if (Reopened)
        {
            query = query.Where(RecommendationStatuses.Reopened);
        }

        if (DueWithin is { } days and > 0)
        {
            var until = (await calendar.CalendarAsync(cancellationToken)).AddWorkingDays(today, days);
            // Like "overdue", "due soon" is said of followed recommendations only (ADR 0012).
            query = query.Where(Recommendation.Followed).Where(r => AwaitingAnswer.Contains(r.Status) && r.DueOn >= today && r.DueOn <= until);
        }

        return query;
    }

    public IQueryable<Recommendation> ApplyStatus(IQueryable<Recommendation> query) =>
        Status is { } status ? query.Where(r => r.Status == status) : query;

    public IQueryable<Recommendation> Order(IQueryable<Recommendation> query) => Sort switch
    {
        RecommendationSort.Newest => query.OrderByDescending(r => r.Meeting!.HeldOn).ThenBy(r => r.Id),
        RecommendationSort.Oldest => query.OrderBy(r => r.Meeting!.HeldOn).ThenBy(r => r.Id),
        // Items without a due date come last; the most pressing first.
        _ => query.OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.Id),
    };

    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["status"] = Status?.ToString(),
            ["theme"] = Theme?.ToString(CultureInfo.InvariantCulture),
            ["unit"] = Unit?.ToString(CultureInfo.InvariantCulture),
            ["raisedBy"] = RaisedBy?.ToString(CultureInfo.InvariantCulture),
            ["addressedTo"] = AddressedTo?.ToString(CultureInfo.InvariantCulture),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["quarter"] = Quarter?.ToString(CultureInfo.InvariantCulture),
            ["overdue"] = Overdue ? "true" : null,
            ["open"] = Open ? "true" : null,
            ["withDue"] = WithDue ? "true" : null,
            ["onTime"] = OnTime ? "true" : null,
            ["due"] = Due?.ToString(),
            ["published"] = Published ? "true" : null,
            ["answered"] = Answered?.ToString().ToLowerInvariant(),
            ["resolved"] = Resolved?.ToString().ToLowerInvariant(),
            ["dueWithin"] = DueWithin?.ToString(CultureInfo.InvariantCulture),
            ["reopened"] = Reopened ? "true" : null,
            ["onRoadmap"] = OnRoadmap ? "true" : null,
            ["roadmapOverdue"] = RoadmapOverdue ? "true" : null,
            ["sort"] = Sort == RecommendationSort.DueDate ? null : Sort.ToString(),
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public sealed class Validator : AbstractValidator<RecommendationFilter>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(f => f.Q).MaximumLength(QueryMaxLength).WithName(_ => localizer["Filter.Query"]);
            RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).When(f => f.From is not null && f.To is not null)
                .WithMessage(_ => localizer["Filter.ToBeforeFrom"]);
            RuleFor(f => f.Year).InclusiveBetween(ReviewPeriod.FirstYear, ReviewPeriod.LastYear).WithName(_ => localizer["Filter.Year"]);
            RuleFor(f => f.Quarter).InclusiveBetween(1, 4).WithName(_ => localizer["Filter.Quarter"]);
            RuleFor(f => f.Year).NotNull().When(f => f.Quarter is not null).WithMessage(_ => localizer["Filter.QuarterNeedsYear"]);
            RuleFor(f => f.DueWithin).InclusiveBetween(1, 365).WithName(_ => localizer["Tracker.DueWithin"]);
        }
    }
}
