using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Meetings;

/// <summary>
/// Maps a meeting to its form and back. Applying a form goes through the domain's methods and keeps
/// the identity of speeches, recommendations and directives, because responses and progress hang on them.
/// </summary>
public sealed class MeetingEditor(
    MeetingPortalDbContext db, TimeProvider timeProvider, ICurrentUser currentUser, CalendarService calendar, MeetingChoices choices, AuditTrail audit,
    IStringLocalizer<SharedResource> localizer)
{
    public static Task<Meeting?> LoadForEditAsync(MeetingPortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.Meetings
            .Include(m => m.Unit)
            .Include(m => m.Participants)
            .Include(m => m.Organisations)
            .Include(m => m.ParticipantGroups).ThenInclude(g => g.BodyGroup)
            .Include(m => m.Speeches)
            .Include(m => m.Recommendations).ThenInclude(r => r.Responses)
            .Include(m => m.Directives).ThenInclude(d => d.Assignees)
            .Include(m => m.Directives).ThenInclude(d => d.GroupAssignees).ThenInclude(g => g.BodyGroup)
            .Include(m => m.CarriedOver)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>Every body the record names: listed, hosting, of a participant or a speech, raising, answering, assigned.</summary>
    private static HashSet<int> OrganisationsOf(Meeting meeting)
    {
        var organisationIds = new HashSet<int>();
        organisationIds.UnionWith(meeting.Organisations.Select(o => o.OrganisationId));
        organisationIds.UnionWith(meeting.Participants.Select(p => p.OrganisationId).OfType<int>());
        organisationIds.UnionWith(meeting.Speeches.Select(s => s.OrganisationId).OfType<int>());
        organisationIds.UnionWith(meeting.Recommendations.SelectMany(r => new[] { r.RaisedByOrganisationId, r.AddressedToOrganisationId }).OfType<int>());
        organisationIds.UnionWith(meeting.Directives.SelectMany(d => d.Assignees.Select(a => a.OrganisationId)));
        if (meeting.HostOrganisationId is { } hostId)
        {
            organisationIds.Add(hostId);
        }

        return organisationIds;
    }

    /// <summary>
    /// The names of every body meeting <paramref name="meetingId"/> names now (as <see cref="OrganisationsOf"/> gathers
    /// them), which its form resolves even when they are not among the unit's (a retired unit's body): the form does not
    /// offer a kind for these (issue 17, item 2). Empty for a meeting that does not exist; the caller has checked scope.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> OrganisationNamesOfAsync(MeetingPortalDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        var meeting = db.Meetings.Where(m => m.Id == meetingId);
        var ids = meeting.Select(m => m.HostOrganisationId)
            .Concat(meeting.SelectMany(m => m.Organisations).Select(o => (int?)o.OrganisationId))
            .Concat(meeting.SelectMany(m => m.Participants).Select(p => p.OrganisationId))
            .Concat(meeting.SelectMany(m => m.Speeches).Select(s => s.OrganisationId))
            .Concat(meeting.SelectMany(m => m.Recommendations).Select(r => r.RaisedByOrganisationId))
            .Concat(meeting.SelectMany(m => m.Recommendations).Select(r => r.AddressedToOrganisationId))
            .Concat(meeting.SelectMany(m => m.Directives).SelectMany(d => d.Assignees).Select(a => (int?)a.OrganisationId));
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Name).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<MeetingForm> FormForAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var organisationIds = OrganisationsOf(meeting);
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var personIds = meeting.Participants.Select(p => p.PersonId).Concat(meeting.Speeches.Select(s => s.SpeakerId).OfType<int>()).ToHashSet();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, cancellationToken);
        string? Org(int? id) => id is { } key && organisations.TryGetValue(key, out var o) ? o.Name : null;

        return new MeetingForm
        {
            Version = meeting.Version,
            UnitId = meeting.UnitId,
            Type = meeting.Type,
            Title = meeting.Title,
            HeldOn = meeting.HeldOn,
            DayPart = meeting.DayPart,
            StartTime = meeting.StartTime,
            EndTime = meeting.EndTime,
            PeriodKind = meeting.PeriodKind,
            PeriodYear = meeting.PeriodYear,
            PeriodNumber = meeting.PeriodNumber,
            Format = meeting.Format,
            ConnectedPoints = meeting.ConnectedPoints,
            Location = meeting.Location,
            Host = Org(meeting.HostOrganisationId),
            HostBoard = meeting.HostBoard,
            Summary = meeting.Summary,
            Conclusion = meeting.Conclusion,
            StatedOpinionCount = meeting.StatedOpinionCount,
            StatedRecommendationCount = meeting.StatedRecommendationCount,
            StatedInvitedCount = meeting.StatedInvitedCount,
            StatedPresentCount = meeting.StatedPresentCount,
            StatedAbsentCount = meeting.StatedAbsentCount,
            AttendanceNote = meeting.AttendanceNote,
            Source = meeting.Source,
            RebuiltFromSecondarySource = meeting.RebuiltFromSecondarySource,
            CarriedOver = meeting.CarriedOver.OrderBy(c => c.Order).Select(c => c.RecommendationId).ToList(),
            Organisations = meeting.Organisations
                .Select(o => organisations[o.OrganisationId])
                .Select(o => new MeetingForm.OrganisationRow { Name = o.Name, Kind = o.Kind }).ToList(),
            Participants = meeting.Participants.OrderBy(p => p.Order).Select(p => new MeetingForm.ParticipantRow
            {
                FullName = people.GetValueOrDefault(p.PersonId),
                Role = p.Role,
                Title = p.Title,
                Organisation = Org(p.OrganisationId),
                Attendance = p.Attendance,
                AbsenceReason = p.AbsenceReason,
            }).ToList(),
            // The groups the record names, imported or typed, come back as rows: saving the form replaces them with its rows.
            Groups = meeting.ParticipantGroups.OrderBy(g => g.Order)
                .Select(g => new MeetingForm.GroupRow { Name = g.BodyGroup!.Name, Wording = g.Wording }).ToList(),
            Speeches = meeting.Speeches.OrderBy(s => s.Order).Select(s => new MeetingForm.SpeechRow
            {
                Id = s.Id,
                Order = s.Order,
                Kind = s.Kind,
                Speaker = s.SpeakerId is { } speakerId ? people.GetValueOrDefault(speakerId) : null,
                SpeakerTitle = s.SpeakerTitle,
                Organisation = Org(s.OrganisationId),
                Content = s.Content,
                Recommendations = meeting.Recommendations.Where(r => r.SpeechId == s.Id).OrderBy(r => r.Order).Select(r => new MeetingForm.RecommendationRow
                {
                    Id = r.Id,
                    Content = r.Content,
                    Theme = r.ThemeId is { } themeId ? themes.GetValueOrDefault(themeId) : null,
                    RaisedBy = Org(r.RaisedByOrganisationId),
                    AddressedTo = Org(r.AddressedToOrganisationId),
                    DueOn = r.DueOn,
                    ResponseCount = r.Responses.Count,
                }).ToList(),
            }).ToList(),
            Directives = meeting.Directives.OrderBy(d => d.Order).Select(d => new MeetingForm.DirectiveRow
            {
                Id = d.Id,
                Content = d.Content,
                Assignees = string.Join("; ", d.Assignees.Select(a => Org(a.OrganisationId))),
                Groups = d.GroupAssignees.Count == 0 ? null : string.Join("; ", d.GroupAssignees.Select(g => g.BodyGroup!.Name).Order(StringComparer.CurrentCulture)),
                DueOn = d.DueOn,
            }).ToList(),
        };
    }

    /// <summary>
    /// Writes the form into the meeting. Names that match nothing known are errors beside their
    /// field, except organisations listed with a kind and people, which are created in the unit.
    /// Returns the messages (field names relative to the form), having changed nothing that will be saved, when
    /// the form cannot be applied; an empty list when it was. The caller has authorized the unit.
    /// </summary>
    internal async Task<IReadOnlyList<UseCaseError>> ApplyAsync(Meeting meeting, MeetingForm form, CancellationToken cancellationToken)
    {
        var unitId = form.UnitId!.Value;
        var known = await choices.ForUnitAsync(unitId, cancellationToken);
        // The bodies, people and groups the record already names come first, and keep their ids when the form names them
        // as it showed them. After a merger or the 2025 reorganisation they may stand outside the unit's lineage today (a
        // retired district's committee): matched only by today's lineage, a save that changed one field re-made them in
        // the ward and moved the record's rows onto the copies (issue 16, second trial).
        var ownOrganisationIds = OrganisationsOf(meeting);
        var ownOrganisations = ownOrganisationIds.Count == 0 ? []
            : await db.Organisations.AsNoTracking().Where(o => ownOrganisationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var ownPersonIds = meeting.Participants.Select(p => p.PersonId).Concat(meeting.Speeches.Select(sp => sp.SpeakerId).OfType<int>()).ToHashSet();
        var ownPeople = ownPersonIds.Count == 0 ? []
            : await db.People.AsNoTracking().Where(p => ownPersonIds.Contains(p.Id)).Select(p => new { p.Id, Name = p.FullName }).ToListAsync(cancellationToken);
        var ownGroups = meeting.ParticipantGroups.Where(g => g.BodyGroup is not null).Select(g => (g.BodyGroup!.Id, g.BodyGroup.Name))
            .Concat(meeting.Directives.SelectMany(d => d.GroupAssignees).Where(g => g.BodyGroup is not null).Select(g => (g.BodyGroup!.Id, g.BodyGroup.Name)))
            .ToList();
        var organisationIds = ownOrganisations.Select(o => (o.Id, o.Name)).Concat(known.Organisations.Select(o => (o.Id, o.Name)))
            .GroupBy(o => Key(o.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var newOrganisations = new Dictionary<string, Organisation>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in form.Organisations.Where(r => !string.IsNullOrWhiteSpace(r.Name)))
        {
            var key = Key(row.Name!);
            if (!organisationIds.ContainsKey(key) && !newOrganisations.ContainsKey(key))
            {
                newOrganisations[key] = db.Organisations.Add(new Organisation(unitId, Clean(row.Name)!, row.Kind)).Entity;
            }
        }

        var errors = new List<(string Field, string Message)>();
        // Resolution happens after new organisations are saved, so every name maps to an id.
        var unresolved = new List<(string Field, string Name)>();
        void CheckOrganisation(string field, string? name)
        {
            if (!string.IsNullOrWhiteSpace(name) && !organisationIds.ContainsKey(Key(name)) && !newOrganisations.ContainsKey(Key(name)))
            {
                unresolved.Add((field, Clean(name)!));
            }
        }

        // The same fields, in the same order, as those beside which the form offers a new name's kind.
        foreach (var (field, _, name) in form.OrganisationNames())
        {
            CheckOrganisation(field, name);
        }

        var themeCodes = known.Themes.Select(t => t.Code).ToHashSet();
        for (var i = 0; i < form.Speeches.Count; i++)
        {
            for (var j = 0; j < form.Speeches[i].Recommendations.Count; j++)
            {
                var theme = form.Speeches[i].Recommendations[j].Theme;
                if (!string.IsNullOrEmpty(theme) && !themeCodes.Contains(theme))
                {
                    errors.Add(($"Speeches[{i}].Recommendations[{j}].Theme", localizer["Form.UnknownTheme"]));
                }
            }
        }

        errors.AddRange(unresolved.Select(u => (u.Field, (string)localizer["Form.UnknownOrganisation", u.Name])));
        // The report on earlier recommendations holds only what the form could offer for this unit and day: an id of
        // another unit, a later meeting, a resolved one or one out of scope gets the same message.
        var offered = (await CarriedOverOffer.ForAsync(db, unitId, form.HeldOn!.Value, meeting.Id == 0 ? null : meeting.Id, calendar.Today, cancellationToken))
            .ToDictionary(o => o.RecommendationId);
        if (form.CarriedOver.Any(id => !offered.ContainsKey(id)))
        {
            errors.Add((nameof(MeetingForm.CarriedOver), localizer["Form.CarriedOverNotOffered"]));
        }
        else if (form.CarriedOver.Select(id => offered[id]).Where(o => !o.Report.IsEarlierOf(unitId, form.HeldOn.Value)).ToList() is { Count: > 0 } late)
        {
            // Lines kept from before the unit or the day changed: named, so the recorder knows which to untick (the
            // domain refuses them too, without saying which).
            errors.Add((nameof(MeetingForm.CarriedOver), localizer["Form.CarriedOverNotEarlier",
                string.Join("; ", late.Select(o => $"«{(o.Content.Length > 80 ? o.Content[..80] + "…" : o.Content)}» ({o.RaisedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)})"))]));
        }

        if (errors.Count > 0)
        {
            DiscardNew(newOrganisations.Values);
            return errors.Select(e => new UseCaseError(e.Field, e.Message)).ToList();
        }

        // People named but unknown are added to the unit on the spot.
        var peopleIds = ownPeople.Select(p => (p.Id, p.Name)).Concat(known.People.Select(p => (p.Id, p.Name))).GroupBy(p => Key(p.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var newPeople = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in form.Participants.Select(p => p.FullName).Concat(form.Speeches.Select(s => s.Speaker)).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var key = Key(name!);
            if (!peopleIds.ContainsKey(key) && !newPeople.ContainsKey(key))
            {
                newPeople[key] = db.People.Add(new Person(unitId, Clean(name)!)).Entity;
            }
        }

        // Groups are matched by name among those of the unit's lineage, the nearest first (as organisations are), and a
        // group nobody knows is made in the meeting's unit: a sibling branch's group of the same name is never reused.
        var groupIds = ownGroups.Concat(known.Groups.Select(g => (g.Id, g.Name))).GroupBy(g => MeetingForm.GroupKey(g.Name))
            .ToDictionary(g => g.Key, g => g.First().Id);
        var newGroups = new Dictionary<string, BodyGroup>();
        foreach (var row in form.Groups.Where(r => !string.IsNullOrWhiteSpace(r.Name)))
        {
            var key = MeetingForm.GroupKey(row.Name);
            if (!groupIds.ContainsKey(key) && !newGroups.ContainsKey(key))
            {
                newGroups[key] = db.BodyGroups.Add(new BodyGroup(unitId, Clean(row.Name)!)).Entity;
            }
        }

        if (newOrganisations.Count > 0 || newPeople.Count > 0 || newGroups.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (key, organisation) in newOrganisations)
            {
                organisationIds[key] = organisation.Id;
            }

            foreach (var (key, person) in newPeople)
            {
                peopleIds[key] = person.Id;
            }

            foreach (var (key, group) in newGroups)
            {
                groupIds[key] = group.Id;
            }
        }

        var namedGroupIds = form.Groups.Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(r => groupIds[MeetingForm.GroupKey(r.Name)]).Distinct().ToList();
        var groups = await db.BodyGroups.Where(g => namedGroupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);

        // A recommendation others were linked to as their first raising cannot simply disappear.
        var keptIds = form.Speeches.SelectMany(sp => sp.Recommendations).Select(r => r.Id).OfType<int>().ToHashSet();
        var removedIds = meeting.Recommendations.Select(r => r.Id).Where(rid => rid != 0 && !keptIds.Contains(rid)).ToList();
        if (removedIds.Count > 0 && await db.Recommendations.AnyAsync(r => r.RecurrenceOfId != null && removedIds.Contains(r.RecurrenceOfId.Value), cancellationToken))
        {
            return [new UseCaseError(string.Empty, localizer["Domain.recommendation.has-followers"])];
        }

        // Nor can one a later meeting reported on as unresolved: that meeting's minutes name it.
        if (removedIds.Count > 0 && await db.CarriedOverRecommendations.AnyAsync(c => removedIds.Contains(c.RecommendationId) && c.MeetingId != meeting.Id, cancellationToken))
        {
            return [new UseCaseError(string.Empty, localizer["Domain.recommendation.reported-later"])];
        }

        int? OrgId(string? name) => string.IsNullOrWhiteSpace(name) ? null : organisationIds[Key(name)];
        int? PersonId(string? name) => string.IsNullOrWhiteSpace(name) ? null : peopleIds[Key(name)];
        var themeIds = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var bodyIds = form.Speeches.SelectMany(sp => sp.Recommendations).Select(r => OrgId(r.AddressedTo)).OfType<int>().Distinct().ToList();
        var bodyLevels = await db.Organisations.AsNoTracking().Where(o => bodyIds.Contains(o.Id))
            .Select(o => new { o.Id, Rank = (int?)o.Unit!.Level!.Rank })
            .ToDictionaryAsync(o => o.Id, o => o.Rank, cancellationToken);
        var assigning = new Assigning(await calendar.PolicyAsync(cancellationToken), calendar.Today, bodyLevels);

        try
        {
            ApplyFacts(meeting, form, OrgId);
            ApplyPeopleAndOrganisations(meeting, form, OrgId, PersonId);
            meeting.ReplaceParticipantGroups(form.Groups.Where(r => !string.IsNullOrWhiteSpace(r.Name))
                .Select(r => (groups[groupIds[MeetingForm.GroupKey(r.Name)]], Clean(r.Wording))).ToList());
            ApplySpeechesAndRecommendations(meeting, form, OrgId, PersonId, themeIds, assigning, new Actor(currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime));
            ApplyDirectives(meeting, form, OrgId);
            meeting.ReportCarriedOver(form.CarriedOver.Select(id => offered[id].Report).ToList());
        }
        catch (DomainException ex)
        {
            var field = ex.Code.StartsWith("meeting.carry-", StringComparison.Ordinal) ? nameof(MeetingForm.CarriedOver) : string.Empty;
            return [new UseCaseError(field, localizer.For(ex))];
        }

        meeting.RefreshSearchText();
        return [];
    }

    /// <summary>The history entry for a save; "what changed" is the difference of the two flattened forms.</summary>
    internal HistoryEntry HistoryFor(Meeting meeting, HistoryAction action, MeetingForm? before, MeetingForm after, string? reason) =>
        audit.Record(nameof(Meeting), meeting.Id, action, reason, changes: Diff(before?.Flatten() ?? [], after.Flatten()), version: meeting.Version);

    public static IReadOnlyList<FieldChange> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();


    private static void ApplyFacts(Meeting meeting, MeetingForm form, Func<string?, int?> orgId)
    {
        meeting.UnitId = form.UnitId!.Value;
        meeting.Type = form.Type;
        meeting.Title = Clean(form.Title)!;
        meeting.HeldOn = form.HeldOn!.Value;
        meeting.DayPart = form.DayPart;
        meeting.StartTime = form.StartTime;
        meeting.SetEndTime(form.EndTime);
        meeting.Period = form.PeriodKind is { } kind ? new ReviewPeriod(kind, form.PeriodYear!.Value, form.PeriodNumber!.Value) : null;
        meeting.SetFormat(form.Format, form.ConnectedPoints);
        meeting.Location = Clean(form.Location);
        meeting.SetHost(orgId(form.Host), form.HostBoard);
        meeting.Summary = Clean(form.Summary);
        meeting.Conclusion = Clean(form.Conclusion);
        meeting.StatedOpinionCount = form.StatedOpinionCount;
        meeting.StatedRecommendationCount = form.StatedRecommendationCount;
        meeting.SetStatedAttendance(form.StatedInvitedCount, form.StatedPresentCount, form.StatedAbsentCount, Clean(form.AttendanceNote));
        meeting.SetSource(Clean(form.Source), form.RebuiltFromSecondarySource);
    }

    private static void ApplyPeopleAndOrganisations(Meeting meeting, MeetingForm form, Func<string?, int?> orgId, Func<string?, int?> personId)
    {
        meeting.ClearParticipantsAndOrganisations();
        foreach (var row in form.Organisations.Where(r => !string.IsNullOrWhiteSpace(r.Name)))
        {
            meeting.AddOrganisation(orgId(row.Name)!.Value);
        }

        foreach (var row in form.Participants.Where(r => !string.IsNullOrWhiteSpace(r.FullName)))
        {
            meeting.AddParticipant(personId(row.FullName)!.Value, row.Role, Clean(row.Title), orgId(row.Organisation))
                .RecordAttendance(row.Attendance, row.Attendance == Attendance.Absent ? Clean(row.AbsenceReason) : null);
        }
    }

    /// <summary>What an assignment made in the form needs: the rules, today (Vietnam date) and each addressed body's level.</summary>
    private sealed record Assigning(DueDatePolicy Policy, DateOnly Today, IReadOnlyDictionary<int, int?> BodyLevels);

    private static void ApplySpeechesAndRecommendations(
        Meeting meeting, MeetingForm form, Func<string?, int?> orgId, Func<string?, int?> personId, Dictionary<string, int> themeIds, Assigning assigning, Actor by)
    {
        var existingSpeeches = meeting.Speeches.ToDictionary(s => s.Id);
        var existingRecommendations = meeting.Recommendations.ToDictionary(r => r.Id);
        var speechesInOrder = new List<Speech>();
        var recommendationsInOrder = new List<Recommendation>();

        foreach (var row in form.Speeches.OrderBy(s => s.Order))
        {
            var content = Clean(row.Content)!;
            Speech speech;
            if (row.Id is { } id && existingSpeeches.Remove(id, out var existing))
            {
                speech = existing;
                speech.Kind = row.Kind;
                speech.Content = content;
                speech.SpeakerId = personId(row.Speaker);
                speech.SpeakerTitle = Clean(row.SpeakerTitle);
                speech.OrganisationId = orgId(row.Organisation);
            }
            else
            {
                speech = meeting.AddSpeech(row.Kind, content, personId(row.Speaker), Clean(row.SpeakerTitle), orgId(row.Organisation));
            }

            speechesInOrder.Add(speech);
            foreach (var r in row.Recommendations)
            {
                Recommendation recommendation;
                if (r.Id is { } rid && existingRecommendations.Remove(rid, out var known))
                {
                    recommendation = known;
                    recommendation.MoveTo(speech);
                    recommendation.Content = Clean(r.Content)!;
                    recommendation.RaisedByOrganisationId = orgId(r.RaisedBy);
                }
                else
                {
                    recommendation = meeting.RaiseRecommendation(speech, Clean(r.Content)!, orgId(r.RaisedBy), null);
                }

                recommendation.ThemeId = string.IsNullOrEmpty(r.Theme) ? null : themeIds[r.Theme];
                var addressedTo = orgId(r.AddressedTo);
                if (addressedTo is { } bodyId)
                {
                    if (bodyId != recommendation.AddressedToOrganisationId || r.DueOn != recommendation.DueOn)
                    {
                        // A counted date shown in the form and sent back unchanged is still the rules' date, not one the recorder chose.
                        var given = r.DueOn == recommendation.DueOn && recommendation.Deadline.IsCounted ? null : r.DueOn;
                        recommendation.AssignTo(bodyId, assigning.Policy.Resolve(given, assigning.Today, recommendation.ThemeId, assigning.BodyLevels.GetValueOrDefault(bodyId)), by);
                    }
                }
                else if (recommendation.AddressedToOrganisationId is not null)
                {
                    recommendation.Unassign(by);
                }

                recommendationsInOrder.Add(recommendation);
            }
        }

        foreach (var removed in existingRecommendations.Values)
        {
            meeting.RemoveRecommendation(removed);
        }

        foreach (var removed in existingSpeeches.Values)
        {
            meeting.RemoveSpeech(removed);
        }

        meeting.Renumber(speechesInOrder, recommendationsInOrder, meeting.Directives.OrderBy(d => d.Order));
    }

    private static void ApplyDirectives(Meeting meeting, MeetingForm form, Func<string?, int?> orgId)
    {
        var existing = meeting.Directives.ToDictionary(d => d.Id);
        var inOrder = new List<Directive>();
        foreach (var row in form.Directives)
        {
            var assignees = MeetingForm.SplitNames(row.Assignees).Select(orgId).OfType<int>().Distinct().ToList();
            Directive directive;
            if (row.Id is { } id && existing.Remove(id, out var known))
            {
                directive = known;
                directive.Content = Clean(row.Content)!;
                directive.DueOn = row.DueOn;
                directive.ReplaceAssignees(assignees);
            }
            else
            {
                directive = meeting.AddDirective(Clean(row.Content)!, assignees, row.DueOn);
            }

            inOrder.Add(directive);
        }

        foreach (var removed in existing.Values)
        {
            meeting.RemoveDirective(removed);
        }

        meeting.Renumber(meeting.Speeches.OrderBy(s => s.Order), meeting.Recommendations.OrderBy(r => r.Order), inOrder);
    }

    private void DiscardNew(IEnumerable<Organisation> organisations)
    {
        foreach (var organisation in organisations)
        {
            db.Entry(organisation).State = EntityState.Detached;
        }
    }

    /// <summary>Names match whatever the case, spacing or Unicode composition they were typed in.</summary>
    private static string Key(string name) => MeetingForm.NameKey(name);

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : TextNormalizer.ForStorage(text.Trim());
}
