using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Seeding;

// Format version 5 (issue 18, deliver 1; ADR 0025): entries of units' dialogue plans, through the domain's rules and the
// same permission as the plan's form (the caller's PlanWriteAllowed).
public sealed partial class InterchangeImporter
{
    /// <summary>
    /// Adds each entry to its unit's plan: the unit by code, where the user may write its plan; the host and the bodies
    /// taking part by name among the bodies of the unit and the units above it; the meeting by its key, which must be of
    /// the same unit; taken off the plan when the file says so; the recommendations gathered for it with their raising
    /// bodies by name, raised as the meeting's recommendation of the number given (ADR 0026). An entry of the same unit,
    /// period and topic is skipped.
    /// Every refusal names its JSON path.
    /// </summary>
    private async Task ImportPlansAsync(List<PlannedDialogueData> plans, ImportOptions options, ImportResult result, CancellationToken cancellationToken)
    {
        foreach (var (data, index) in plans.Select((p, i) => (p, i)))
        {
            var path = $"#/plans[{index}]";
            var unit = await db.Units.AsNoTracking().Where(u => u.Code == data.Unit).Select(u => new { u.Id, u.Path }).SingleOrDefaultAsync(cancellationToken);
            if (unit is null)
            {
                result.Errors.Add($"{path}.unit: không có đơn vị \"{data.Unit}\"");
                continue;
            }

            if (!await options.MayWritePlanAsync(unit.Path))
            {
                result.Errors.Add($"{path}.unit: tài khoản này không được lập kế hoạch đối thoại của đơn vị \"{data.Unit}\"");
                continue;
            }

            if (data.Period is null || !PlannedDialogue.IsPlannable(data.Period.Kind) || !ReviewPeriod.IsValid(data.Period.Kind, data.Period.Year, data.Period.Number))
            {
                result.Errors.Add($"{path}.period: đối thoại được dự kiến theo tháng hoặc quý của một năm hợp lệ");
                continue;
            }

            var period = new ReviewPeriod(data.Period.Kind, data.Period.Year, data.Period.Number);
            var topic = data.Topic?.Trim() ?? string.Empty;
            var label = $"kế hoạch đối thoại {data.Unit} {data.Period.Kind} {data.Period.Number}/{data.Period.Year}";
            if (await db.PlannedDialogues.AnyAsync(p => p.UnitId == unit.Id && p.Year == period.Year && p.PeriodKind == period.Kind && p.PeriodNumber == period.Number && p.Topic == topic, cancellationToken))
            {
                result.Skipped.Add($"{label}: đơn vị đã có đối thoại cùng kỳ và cùng chuyên đề.");
                continue;
            }

            // Bodies by name in the unit's lineage, as the form offers them.
            var lineage = Unit.IdsOf(unit.Path);
            var gatheredData = data.Gathered ?? [];
            var named = (data.Counterparts ?? []).Append(data.Host)
                .Concat(gatheredData.SelectMany(g => new[] { g.RaisedBy, g.AddressedTo })).OfType<string>().Distinct().ToList();
            var bodies = (await db.Organisations.AsNoTracking().Where(o => lineage.Contains(o.UnitId) && named.Contains(o.Name))
                    .Select(o => new { o.Id, o.Name, o.UnitId }).ToListAsync(cancellationToken))
                // The nearest unit's body wins when a name is found at two levels ("Ủy ban MTTQ" of a ward and of its district do not share a name, but may).
                .OrderByDescending(o => lineage.IndexOf(o.UnitId)).GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Id);
            var unknown = named.FirstOrDefault(n => !bodies.ContainsKey(n));
            if (unknown is not null)
            {
                result.Errors.Add($"{path}: không có cơ quan, tổ chức \"{unknown}\" trong đơn vị hoặc cấp trên của đơn vị");
                continue;
            }

            Meeting? meeting = null;
            if (data.Meeting is { } reference)
            {
                meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Unit!.Code == reference.Unit && m.HeldOn == reference.HeldOn && m.Title == reference.Title, cancellationToken);
                if (meeting is null)
                {
                    result.Errors.Add($"{path}.meeting: không có hội nghị \"{reference.Title}\" ngày {reference.HeldOn:dd/MM/yyyy} của đơn vị \"{reference.Unit}\"");
                    continue;
                }

                if (await db.PlannedDialogues.AnyAsync(p => p.MeetingId == meeting.Id, cancellationToken))
                {
                    result.Errors.Add($"{path}.meeting: hội nghị này đã được gắn với một đối thoại khác trong kế hoạch");
                    continue;
                }
            }

            var themeCodes = gatheredData.Select(g => g.Theme).OfType<string>().Distinct().ToList();
            var themes = await db.Themes.AsNoTracking().Where(t => themeCodes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
            if (themeCodes.FirstOrDefault(c => !themes.ContainsKey(c)) is { } unknownTheme)
            {
                result.Errors.Add($"{path}.gathered: không có lĩnh vực \"{unknownTheme}\"");
                continue;
            }

            try
            {
                var entry = new PlannedDialogue(unit.Id, period, topic);
                entry.Change(period, topic, data.Host is { } host ? bodies[host] : null, data.Format ?? MeetingFormat.NotStated, data.WithPeople ?? false,
                    (data.Counterparts ?? []).Select(n => bodies[n]));

                // Sent while the dialogue was ahead (the domain refuses one for a held dialogue), raised once it was held.
                var gathered = gatheredData.Select(g => (Data: g, Item: new GatheredRecommendation(entry, g.Content ?? string.Empty, bodies[g.RaisedBy], g.SubmittedOn)
                {
                    ThemeId = g.Theme is { } code ? themes[code] : null,
                    AddressedToOrganisationId = g.AddressedTo is { } addressed ? bodies[addressed] : null,
                })).ToList();
                if (meeting is not null)
                {
                    entry.LinkMeeting(meeting);
                }

                if (gathered.FirstOrDefault(g => g.Data.RaisedAs is not null && meeting is null) is { Data: not null })
                {
                    result.Errors.Add($"{path}.gathered: kiến nghị đã nêu tại hội nghị cần đối thoại có hội nghị đã gắn");
                    continue;
                }

                foreach (var (g, item) in gathered)
                {
                    if (g.RaisedAs is { } order)
                    {
                        var raised = await db.Recommendations.SingleOrDefaultAsync(r => r.MeetingId == meeting!.Id && r.Order == order, cancellationToken);
                        if (raised is null || await db.GatheredRecommendations.AnyAsync(x => x.RecommendationId == raised.Id, cancellationToken))
                        {
                            throw new DomainException("gathered.raised-as", "No free recommendation of that number in the meeting.");
                        }

                        item.LinkRaised(raised);
                    }
                    else if (g.OnAgenda == true)
                    {
                        item.PutOnAgenda(true);
                    }
                }

                db.GatheredRecommendations.AddRange(gathered.Select(g => g.Item));

                if (data.CancelledOn is { } cancelledOn)
                {
                    entry.Cancel(data.CancelReason ?? string.Empty, cancelledOn);
                }

                db.PlannedDialogues.Add(entry);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Imported, result.Source, unit.Id);
                await db.SaveChangesAsync(cancellationToken);
                result.Created.Add(label);
            }
            catch (DomainException ex)
            {
                result.Errors.Add($"{path}: {PlanRefusal(ex.Code)}");
            }
        }
    }

    private static string PlanRefusal(string code) => code switch
    {
        "plan.topic" => $"chuyên đề, nội dung đối thoại không được trống và dài nhất {PlannedDialogue.TopicMaxLength} ký tự (plan.topic)",
        "plan.meeting-unit" => "hội nghị đã gắn là của đơn vị khác (plan.meeting-unit)",
        "plan.meeting-year" => "hội nghị đã gắn họp trước năm kế hoạch (plan.meeting-year)",
        "plan.reason" => "đối thoại không tổ chức phải nêu lý do (plan.reason)",
        "plan.linked" => "đối thoại đã gắn hội nghị thì không thể là không tổ chức (plan.linked)",
        "gathered.content" => $"nội dung kiến nghị thu thập trước đối thoại không được trống và dài nhất {GatheredRecommendation.ContentMaxLength} ký tự (gathered.content)",
        "gathered.raised-as" => "hội nghị đã gắn không có kiến nghị số thứ tự này, hoặc kiến nghị ấy đã gắn với kiến nghị thu thập khác (gathered.raised-as)",
        _ => StepRefusal(code),
    };
}
