using MeetingPortal.Domain.Common;
using FluentValidation;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>Meetings in the user's scope: filters, diacritic-free search, sorting and paging.</summary>
public sealed class IndexModel(MeetingPortalDbContext db, IValidator<MeetingFilter> validator, IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether "new meeting" is offered: the user may write a record for their unit (<see cref="MeetingOperations.Create"/>).</summary>
    public bool MayCreate { get; private set; }

    /// <summary>Whether "import" is offered: the user may write records for their unit from a file (<see cref="MeetingOperations.Import"/>).</summary>
    public bool MayImport { get; private set; }

    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public MeetingFilter Filter { get; set; } = new();

    public IReadOnlyList<Row> Meetings { get; private set; } = [];
    public IReadOnlyList<Choice> UnitChoices { get; private set; } = [];
    public IReadOnlyList<Choice> OrganisationOptions { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        MayCreate = await authorization.MayAsync(User, new MeetingResource(scope.Path), MeetingOperations.Create);
        MayImport = await authorization.MayAsync(User, new MeetingResource(scope.Path), MeetingOperations.Import);
        await LoadOptionsAsync(scope, cancellationToken);

        // Values that did not bind (a date typed as "abc") already have their message; drop them.
        var validation = await validator.ValidateAsync(Filter, cancellationToken);
        validation.AddTo(ModelState, nameof(Filter));
        if (!ModelState.IsValid)
        {
            Meetings = [];
            return;
        }

        var query = await Filter.ApplyAsync(db, scope, cancellationToken);
        TotalCount = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Meetings = await Filter.Order(query, db)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(m.Id, m.HeldOn, m.Title, m.Unit!.Name, m.Type, m.Format, m.Status, m.Recommendations.Count(), m.Source == DemoHistorySeeder.Source))
            .ToListAsync(cancellationToken);
        await LoadExcerptsAsync(cancellationToken);
    }

    /// <summary>For each shown meeting whose title does not hold what was searched, the passage of its text that does.</summary>
    public IReadOnlyDictionary<int, IHtmlContent> Excerpts { get; private set; } = new Dictionary<int, IHtmlContent>();

    private async Task LoadExcerptsAsync(CancellationToken cancellationToken)
    {
        var terms = Filter.SearchTerms;
        var ids = terms.Count == 0 ? [] : Meetings.Where(m => TextNormalizer.FindMatches(m.Title, terms).Count == 0).Select(m => m.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // Read in the order the search text is built (Meeting.RefreshSearchText), only for the rows shown.
        var texts = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                m.Summary,
                m.Conclusion,
                Speeches = m.Speeches.OrderBy(s => s.Order).Select(s => new { s.SpeakerTitle, s.Content }).ToList(),
                Recommendations = m.Recommendations.OrderBy(r => r.Order).Select(r => r.Content).ToList(),
                Directives = m.Directives.OrderBy(d => d.Order).Select(d => d.Content).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        Excerpts = texts
            .Select(t => (t.Id, Excerpt: SearchHighlight.Excerpt([t.Summary, t.Conclusion, .. t.Speeches.SelectMany(x => new[] { x.SpeakerTitle, x.Content }), .. t.Recommendations, .. t.Directives], terms)))
            .Where(t => t.Excerpt is not null)
            .ToDictionary(t => t.Id, t => t.Excerpt!);
    }

    public Dictionary<string, string> PageRoute(int page)
    {
        var values = Filter.RouteValues();
        values["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    private async Task LoadOptionsAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        var units = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        UnitChoices = units.WithChosen(Filter.Unit).Select(u => new Choice(u.Id, u.Label)).ToList();
        var bodies = (await UnitOptions.BodiesAround(db, scope, units, Filter.Unit, Filter.Organisation)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ByName(o => o.Name);
        OrganisationOptions = bodies.WithChosen(Filter.Organisation).Select(o => new Choice(o.Id, o.Label)).ToList();
    }

    public sealed record Row(int Id, DateOnly HeldOn, string Title, string UnitName, MeetingType Type, MeetingFormat Format, MeetingStatus Status, int RecommendationCount, bool IsDemo);

    public sealed record Choice(int Id, string Label);
}
