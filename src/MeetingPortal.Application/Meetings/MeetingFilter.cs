using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Application.Units;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Meetings;

public enum MeetingSort
{
    DateDescending,
    DateAscending,
    Title,

    /// <summary>Best match of the search first (<see cref="MeetingSearch.Ranked"/>); the default when a search is typed.</summary>
    Relevance,
}

/// <summary>The list's filters, bound from the query string; shared by the list and the export.</summary>
public sealed class MeetingFilter
{
    public const int QueryMaxLength = 200;

    [Display(Name = "Filter.Query")]
    public string? Q { get; set; }
    [Display(Name = "Meetings.Unit")]
    public int? Unit { get; set; }
    [Display(Name = "Meetings.Type")]
    public MeetingType? Type { get; set; }
    [Display(Name = "Filter.From")]
    public DateOnly? From { get; set; }
    [Display(Name = "Filter.To")]
    public DateOnly? To { get; set; }
    [Display(Name = "Filter.Year")]
    public int? Year { get; set; }
    [Display(Name = "Filter.Quarter")]
    public int? Quarter { get; set; }
    [Display(Name = "Filter.Organisation")]
    public int? Organisation { get; set; }
    [Display(Name = "Meetings.Status")]
    public MeetingStatus? Status { get; set; }
    /// <summary>The order asked for; none means <see cref="EffectiveSort"/>'s default.</summary>
    [Display(Name = "Filter.Sort")]
    public MeetingSort? Sort { get; set; }

    /// <summary>The order the list is in: the one asked for, else relevance when a search is typed, else newest first.</summary>
    public MeetingSort EffectiveSort => Sort ?? (SearchTerms.Count > 0 ? MeetingSort.Relevance : MeetingSort.DateDescending);

    /// <summary>
    /// Applies the filters inside <paramref name="scope"/>. A unit filter takes the unit's subtree and
    /// is itself clipped to the scope, so no filter value can widen what the user sees.
    /// </summary>
    public async Task<IQueryable<Meeting>> ApplyAsync(MeetingPortalDbContext db, UnitScope scope, CancellationToken cancellationToken)
    {
        // Every term must start a word somewhere in the record; order and distance do not matter.
        var query = MeetingSearch.Matching(db, SearchTerms).AsNoTracking().InScope(scope);
        if (Unit is { } unitId)
        {
            var subtree = await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken);
            query = subtree is { } chosen ? query.InScope(chosen) : query.Where(_ => false);
        }

        if (Type is { } type)
        {
            query = query.Where(m => m.Type == type);
        }

        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (From is { } from)
        {
            query = query.Where(m => m.HeldOn >= from);
        }

        if (To is { } to)
        {
            query = query.Where(m => m.HeldOn <= to);
        }

        if (Year is { } year && Quarter is { } quarter && ReviewPeriod.IsValid(PeriodKind.Quarter, year, quarter))
        {
            var period = new ReviewPeriod(PeriodKind.Quarter, year, quarter);
            var (start, end) = (period.Start, period.End);
            query = query.Where(m => m.HeldOn >= start && m.HeldOn <= end);
        }
        else if (Year is { } onlyYear && Quarter is null && ReviewPeriod.IsValidYear(onlyYear))
        {
            var (start, end) = (new DateOnly(onlyYear, 1, 1), new DateOnly(onlyYear, 12, 31));
            query = query.Where(m => m.HeldOn >= start && m.HeldOn <= end);
        }

        if (Organisation is { } organisationId)
        {
            query = query.Where(m => m.HostOrganisationId == organisationId || m.Organisations.Any(o => o.OrganisationId == organisationId));
        }

        return query;
    }

    /// <summary>Words, or "quoted phrases" kept whole, each folded like the stored text (<see cref="TextNormalizer.SearchTerms"/>).</summary>
    public IReadOnlyList<string> SearchTerms => TextNormalizer.SearchTerms(Q);

    /// <summary>
    /// The list in <see cref="EffectiveSort"/>'s order. Relevance needs <paramref name="db"/> (SQLite ranks through the
    /// full-text index); without it, or without a search, relevance falls back to newest first.
    /// </summary>
    public IQueryable<Meeting> Order(IQueryable<Meeting> query, MeetingPortalDbContext? db = null) => EffectiveSort switch
    {
        MeetingSort.Relevance when db is not null && SearchTerms.Count > 0 => MeetingSearch.Ranked(db, query, SearchTerms),
        MeetingSort.DateAscending => query.OrderBy(m => m.HeldOn).ThenBy(m => m.Id),
        MeetingSort.Title => query.OrderBy(m => EF.Functions.Collate(m.Title, VietnameseOrder.CollationName)).ThenBy(m => m.Id),
        _ => query.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id),
    };

    /// <summary>The filter as route values, for paging and export links.</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = Type?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quarter"] = Quarter?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["organisation"] = Organisation?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            // The default order is left out of links, so a link reads as the list it shows.
            ["sort"] = Sort is { } sort && sort != (SearchTerms.Count > 0 ? MeetingSort.Relevance : MeetingSort.DateDescending) ? sort.ToString() : null,
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public sealed class Validator : AbstractValidator<MeetingFilter>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(f => f.Q).MaximumLength(QueryMaxLength).WithName(_ => localizer["Filter.Query"]);
            RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).When(f => f.From is not null && f.To is not null)
                .WithMessage(_ => localizer["Filter.ToBeforeFrom"]);
            RuleFor(f => f.Year).InclusiveBetween(ReviewPeriod.FirstYear, ReviewPeriod.LastYear).WithName(_ => localizer["Filter.Year"]);
            RuleFor(f => f.Quarter).InclusiveBetween(1, 4).WithName(_ => localizer["Filter.Quarter"]);
            RuleFor(f => f.Year).NotNull().When(f => f.Quarter is not null).WithMessage(_ => localizer["Filter.QuarterNeedsYear"]);
        }
    }
}
