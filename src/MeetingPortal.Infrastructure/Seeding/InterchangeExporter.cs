using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>
/// Writes meetings in the interchange format. Keys are generated in order of first mention
/// (o1, o2... and p1, p2...), so exporting the same records twice gives the same text.
/// </summary>
public sealed partial class InterchangeExporter(MeetingPortalDbContext db, Files.AttachmentStore? store = null)
{
    /// <summary>The meetings alone, without reference data or stored documents (the export's default).</summary>
    public Task<InterchangeDocument> ExportAsync(IQueryable<Meeting> meetings, CancellationToken cancellationToken) =>
        ExportAsync(meetings, InterchangeExportOptions.MeetingsOnly, cancellationToken);

    /// <summary>
    /// The meetings, and as <paramref name="options"/> ask (format version 4) the reference data of the scope (levels, themes,
    /// units with their names over time, organisations' histories, reorganisations) and approved minutes with their files.
    /// </summary>
    public async Task<InterchangeDocument> ExportAsync(IQueryable<Meeting> meetings, InterchangeExportOptions options, CancellationToken cancellationToken)
    {
        var list = await meetings
            .Include(m => m.Unit)
            .Include(m => m.Participants)
            .Include(m => m.Organisations)
            .Include(m => m.Speeches)
            .Include(m => m.Recommendations).ThenInclude(r => r.Responses)
            .Include(m => m.Recommendations).ThenInclude(r => r.Events)
            .Include(m => m.Recommendations).ThenInclude(r => r.Hops)
            .Include(m => m.Recommendations).ThenInclude(r => r.Roadmap).ThenInclude(x => x!.Milestones)
            .Include(m => m.Directives).ThenInclude(d => d.Assignees)
            .Include(m => m.Directives).ThenInclude(d => d.GroupAssignees)
            .Include(m => m.ParticipantGroups)
            .Include(m => m.Directives).ThenInclude(d => d.Progress)
            .Include(m => m.CarriedOver)
            .AsSplitQuery().AsNoTracking()
            .OrderBy(m => m.HeldOn).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);

        // Issue 16, deliver 4: the groups the meetings name, with their members, read once for the whole export.
        var groupIds = list.SelectMany(m => m.ParticipantGroups.Select(g => g.BodyGroupId)
            .Concat(m.Directives.SelectMany(d => d.GroupAssignees.Select(a => a.BodyGroupId)))).ToHashSet();
        var groups = await db.BodyGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            // A merger moves a unit's bodies but not its groups (UnitMerger): a merged unit's group is written under the unit its
            // bodies went to, so that its members are bodies of its unit wherever it is imported (BodyGroup.AddMember's rule).
            .Select(g => new
            {
                g.Id,
                g.Name,
                UnitCode = g.Unit!.MergedIntoId == null ? g.Unit.Code : db.Units.Where(u => u.Id == g.Unit.MergedIntoId).Select(u => u.Code).First(),
                Members = g.Members.OrderBy(x => x.Organisation!.Name).Select(x => x.OrganisationId).ToList(),
            })
            .ToDictionaryAsync(g => g.Id, cancellationToken);

        var organisationIds = list.SelectMany(OrganisationIdsOf).Concat(groups.Values.SelectMany(g => g.Members)).ToHashSet();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Kind, UnitCode = o.Unit!.Code }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var personIds = list.SelectMany(m => m.Participants.Select(p => (int?)p.PersonId)
            .Concat(m.Speeches.Select(s => s.SpeakerId))
            .Concat(m.Recommendations.Select(r => r.RaisedByPersonId))
            .Concat(m.Recommendations.SelectMany(r => r.Responses.Select(x => x.PersonId)))).OfType<int>().ToHashSet();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, UnitCode = p.Unit!.Code }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, cancellationToken);
        var earlier = await EarlierRecommendationsAsync(list, cancellationToken);
        // Format version 4: the unit a merged meeting was held in, by code.
        var heldInIds = list.Select(m => m.HeldInUnitId).OfType<int>().ToHashSet();
        var heldIn = await db.Units.AsNoTracking().Where(u => heldInIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);

        var result = new List<MeetingData>();
        foreach (var meeting in list)
        {
            var unitCode = meeting.Unit!.Code;
            var organisationKeys = new Dictionary<int, string>();
            var personKeys = new Dictionary<int, string>();
            string? Org(int? id)
            {
                if (id is not { } key)
                {
                    return null;
                }

                if (!organisationKeys.TryGetValue(key, out var value))
                {
                    value = $"o{organisationKeys.Count + 1}";
                    organisationKeys[key] = value;
                }

                return value;
            }

            string? Person(int? id)
            {
                if (id is not { } key)
                {
                    return null;
                }

                if (!personKeys.TryGetValue(key, out var value))
                {
                    value = $"p{personKeys.Count + 1}";
                    personKeys[key] = value;
                }

                return value;
            }

            var host = Org(meeting.HostOrganisationId);
            var participating = meeting.Organisations.Select(o => Org(o.OrganisationId)!).ToList();
            var participants = meeting.Participants.OrderBy(p => p.Order)
                .Select(p => new ParticipantData(Person(p.PersonId)!, p.Role, p.Title, Org(p.OrganisationId))
                {
                    Attendance = p.Attendance == Attendance.NotStated ? null : p.Attendance,
                    AbsenceReason = p.AbsenceReason,
                }).ToList();
            var speeches = meeting.Speeches.OrderBy(s => s.Order).Select(s => new SpeechData(
                s.Kind, s.Content, Person(s.SpeakerId), s.SpeakerTitle, Org(s.OrganisationId),
                NullIfEmpty(meeting.Recommendations.Where(r => r.SpeechId == s.Id).OrderBy(r => r.Order).Select(r => new RecommendationData(
                    r.Content,
                    r.ThemeId is { } themeId ? themes[themeId] : null,
                    Org(r.RaisedByOrganisationId),
                    Person(r.RaisedByPersonId),
                    Org(r.AddressedToOrganisationId),
                    r.DueOn,
                    NullIfEmpty(ResponsesInFileOrder(r).Select(x => new ResponseData(x.Kind, x.RespondedOn, x.Content, Org(x.OrganisationId), Person(x.PersonId))).ToList()))
                {
                    History = NullIfEmpty(HistoryOf(r, Org)),
                    RecurrenceOf = r.RecurrenceOfId is { } first && earlier.TryGetValue(first, out var reference) ? reference : null,
                    Roadmap = r.Roadmap is { } roadmap
                        ? new RoadmapData(roadmap.PlannedResolutionOn, Org(roadmap.ReportingOrganisationId)!, roadmap.Milestones.OrderBy(x => x.DueOn).ThenBy(x => x.SharePercent)
                            .Select(x => new MilestoneData(x.Content, x.DueOn, x.SharePercent, x.DoneOn, x.DoneNote)).ToList())
                        : null,
                })
                    .ToList()))).ToList();
            var groupKeys = new Dictionary<int, string>();
            string Group(int id)
            {
                if (!groupKeys.TryGetValue(id, out var value))
                {
                    value = $"g{groupKeys.Count + 1}";
                    groupKeys[id] = value;
                }

                return value;
            }

            var participantGroups = meeting.ParticipantGroups.OrderBy(g => g.Order).Select(g => new ParticipantGroupData(Group(g.BodyGroupId), g.Wording)).ToList();
            var directives = meeting.Directives.OrderBy(d => d.Order)
                .Select(d => new DirectiveData(d.Content, NullIfEmpty(d.Assignees.Select(a => Org(a.OrganisationId)!).ToList()), d.DueOn)
                {
                    GroupAssignees = NullIfEmpty(d.GroupAssignees.Select(a => Group(a.BodyGroupId)).ToList()),
                    Target = d.TargetMeasure is { } measure ? new TargetData(measure, d.TargetLow, d.TargetHigh, d.TargetUnit) : null,
                    Progress = NullIfEmpty(d.Progress.OrderBy(p => p.Id)
                        .Select(p => new ProgressData(p.ReportedOn, p.Text, Org(p.OrganisationId), p.Value, p.ReportedBy, AsUtc(p.ReportedAtUtc))).ToList()),
                    DoneOn = d.DoneOn,
                }).ToList();
            // A group's members get their organisation keys before the organisations are listed; members go by name, the
            // same order in every database (ids differ between installations).
            var groupData = groupKeys.Select(g =>
            {
                var group = groups[g.Key];
                return new GroupData(g.Value, group.Name, group.UnitCode == unitCode ? null : group.UnitCode,
                    NullIfEmpty(group.Members.Select(id => Org(id)!).ToList()));
            }).ToList();

            result.Add(new MeetingData
            {
                Unit = unitCode,
                Type = meeting.Type,
                Title = meeting.Title,
                HeldOn = meeting.HeldOn,
                DayPart = meeting.DayPart,
                StartTime = meeting.StartTime,
                EndTime = meeting.EndTime,
                Period = meeting.Period is { } period ? new PeriodData(period.Kind, period.Year, period.Number) : null,
                Format = meeting.Format == MeetingFormat.NotStated ? null : meeting.Format,
                ConnectedPoints = meeting.ConnectedPoints,
                Location = meeting.Location,
                Status = meeting.Status,
                Source = meeting.Source,
                RebuiltFromSecondarySource = meeting.RebuiltFromSecondarySource ? true : null,
                StatedInvitedCount = meeting.StatedInvitedCount,
                StatedPresentCount = meeting.StatedPresentCount,
                StatedAbsentCount = meeting.StatedAbsentCount,
                AttendanceNote = meeting.AttendanceNote,
                Organisations = NullIfEmpty(organisationKeys.Select(o =>
                {
                    var organisation = organisations[o.Key];
                    return new OrganisationData(o.Value, organisation.Name, organisation.Kind, organisation.UnitCode == unitCode ? null : organisation.UnitCode);
                }).ToList()),
                People = NullIfEmpty(personKeys.Select(p =>
                {
                    var person = people[p.Key];
                    return new PersonData(p.Value, person.FullName, person.UnitCode == unitCode ? null : person.UnitCode);
                }).ToList()),
                Host = host,
                HostBoard = meeting.HostBoard == HostBoard.Body ? null : meeting.HostBoard,
                ParticipatingOrganisations = NullIfEmpty(participating),
                Participants = NullIfEmpty(participants),
                Summary = meeting.Summary,
                Conclusion = meeting.Conclusion,
                StatedOpinionCount = meeting.StatedOpinionCount,
                StatedRecommendationCount = meeting.StatedRecommendationCount,
                Speeches = NullIfEmpty(speeches),
                Directives = NullIfEmpty(directives),
                Groups = NullIfEmpty(groupData),
                ParticipantGroups = NullIfEmpty(participantGroups),
                HeldIn = meeting.HeldInUnitId is { } heldInId && heldInId != meeting.UnitId ? heldIn[heldInId] : null,
                MinutesApproval = options.Documents && meeting.MinutesApproval is { } approval ? await ApprovalOf(meeting, approval, cancellationToken) : null,
                // Version 5: the report on earlier recommendations, each named as recurrenceOf names a first raising.
                CarriedOver = NullIfEmpty(meeting.CarriedOver.OrderBy(c => c.Order).Where(c => earlier.ContainsKey(c.RecommendationId))
                    .Select(c => new CarriedOverData(earlier[c.RecommendationId], c.ReportedStatus, c.TimesRaised, c.FirstRaisedOn)).ToList()),
            });
        }

        var plans = options.Plans ? await PlansAsync(options.ScopePath, cancellationToken) : null;
        if (!options.ReferenceData)
        {
            return new InterchangeDocument { Meetings = result, Plans = plans };
        }

        return await ReferenceDataAsync(options.ScopePath, cancellationToken) with { Meetings = result, Plans = plans };
    }

    private static IEnumerable<int> OrganisationIdsOf(Meeting m) =>
        new[] { m.HostOrganisationId }
            .Concat(m.Organisations.Select(o => (int?)o.OrganisationId))
            .Concat(m.Participants.Select(p => p.OrganisationId))
            .Concat(m.Speeches.Select(s => s.OrganisationId))
            .Concat(m.Recommendations.SelectMany(r => new[] { r.RaisedByOrganisationId, r.AddressedToOrganisationId }))
            .Concat(m.Recommendations.SelectMany(r => r.Responses.Select(x => x.OrganisationId)))
            .Concat(m.Directives.SelectMany(d => d.Assignees.Select(a => (int?)a.OrganisationId)))
            .Concat(m.Directives.SelectMany(d => d.Progress.Select(p => p.OrganisationId)))
            .Concat(m.Recommendations.SelectMany(r => r.Events.Select(e => e.OrganisationId)))
            .OfType<int>();

    // --- format version 3: the worked history (issue 16, deliver 8) ---

    /// <summary>The replies in the order the file lists them (by date, then as recorded); a "responded" step names its reply by this index.</summary>
    private static IEnumerable<Response> ResponsesInFileOrder(Recommendation r) => r.Responses.OrderBy(x => x.RespondedOn).ThenBy(x => x.Id);

    /// <summary>
    /// The recommendation's events as steps. The events keep no due dates, so each assignment and forward gets the
    /// date in force after it: a forward's from its hop; an assignment's from the next forward's "previous due date",
    /// or the current one when no later step set another (a date between two reassignments is not kept anywhere).
    /// The k-th "responded" event is the k-th reply recorded, the k-th forward the k-th hop.
    /// </summary>
    private static List<RecommendationStepData> HistoryOf(Recommendation r, Func<int?, string?> org)
    {
        // The roadmap's steps are not steps of the state machine: the roadmap travels as it stands (version 5).
        var events = r.Events.Where(e => e.Kind is not (RecommendationEventKind.RoadmapPlanned or RecommendationEventKind.RoadmapChanged or RecommendationEventKind.MilestoneDone))
            .OrderBy(e => e.Id).ToList();
        var hops = r.Hops.OrderBy(h => h.Id).ToList();
        var fileIndex = ResponsesInFileOrder(r).Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var recorded = r.Responses.OrderBy(x => x.Id).ToList();
        var steps = new List<RecommendationStepData>();
        int forwards = 0, replies = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var step = new RecommendationStepData(e.Kind, e.FromStatus, e.ToStatus, e.UserName, AsUtc(e.AtUtc));
            step = e.Kind switch
            {
                RecommendationEventKind.Assigned => step with { Body = org(e.OrganisationId), DueOn = DueAfterAssignment(events, i, hops, forwards, r.DueOn) },
                RecommendationEventKind.Forwarded when forwards < hops.Count => step with { Body = org(hops[forwards].ToOrganisationId), DueOn = hops[forwards++].DueOn, Reason = e.Note },
                RecommendationEventKind.Responded when replies < recorded.Count => step with { Response = fileIndex[recorded[replies++].Id] },
                RecommendationEventKind.Unassigned or RecommendationEventKind.Responded => step,
                _ => step with { Reason = e.Note },
            };
            steps.Add(step);
        }

        return steps;
    }

    private static DateOnly? DueAfterAssignment(List<RecommendationEvent> events, int index, List<RecommendationHop> hops, int forwardsSoFar, DateOnly? current)
    {
        var next = events.Skip(index + 1).FirstOrDefault(e => e.Kind is RecommendationEventKind.Assigned or RecommendationEventKind.Unassigned
            or RecommendationEventKind.Forwarded or RecommendationEventKind.Returned);
        return next?.Kind switch
        {
            null => current,
            RecommendationEventKind.Forwarded => forwardsSoFar < hops.Count ? hops[forwardsSoFar].PreviousDueOn : null,
            _ => null,
        };
    }

    /// <summary>
    /// The first raisings the exported recommendations repeat and the earlier recommendations the meetings report on
    /// (version 5), each named by <see cref="RecommendationReferenceData"/> (meeting unit, date and title; speech and
    /// recommendation by place). One raised outside any speech is not exported, so a link to it is not either.
    /// </summary>
    private async Task<Dictionary<int, RecommendationReferenceData>> EarlierRecommendationsAsync(List<Meeting> meetings, CancellationToken cancellationToken)
    {
        var ids = meetings.SelectMany(m => m.Recommendations).Select(r => r.RecurrenceOfId).OfType<int>()
            .Concat(meetings.SelectMany(m => m.CarriedOver).Select(c => c.RecommendationId)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Recommendations.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.SpeechId != null)
            .Select(r => new
            {
                r.Id,
                Unit = r.Meeting!.Unit!.Code,
                r.Meeting.HeldOn,
                r.Meeting.Title,
                Speech = db.Speeches.Count(s => s.MeetingId == r.MeetingId && s.Order < r.Speech!.Order) + 1,
                Recommendation = db.Recommendations.Count(x => x.SpeechId == r.SpeechId && x.Order < r.Order) + 1,
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new RecommendationReferenceData(r.Unit, r.HeldOn, r.Title, r.Speech, r.Recommendation));
    }

    /// <summary>Times are stored as UTC without a kind; the file says so with "Z".</summary>
    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    // --- end of format version 3 ---

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
}
