using System.Text.Json;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Seeding;

// Format version 3 (issue 16, deliver 8): a recommendation's worked history, its recurrence link, and a task's
// target, progress and completion. Kept apart from the version 1-2 reading so that the two can be read (and merged)
// separately. Every past step goes through the domain's own methods, as a user's would: a file cannot give a
// recommendation a state its steps do not reach.
public sealed partial class InterchangeImporter
{
    /// <summary>The path of the first version 3 property in a meeting of an older file, or null when there is none.</summary>
    private static string? FirstVersion3Property(MeetingData data, string path)
    {
        foreach (var (speech, s) in (data.Speeches ?? []).Select((x, i) => (x, i)))
        {
            foreach (var (r, i) in (speech.Recommendations ?? []).Select((x, i) => (x, i)))
            {
                var at = $"{path}.speeches[{s}].recommendations[{i}]";
                if (r.History is not null)
                {
                    return $"{at}.history";
                }

                if (r.RecurrenceOf is not null)
                {
                    return $"{at}.recurrenceOf";
                }
            }
        }

        if (data.Groups is not null)
        {
            return $"{path}.groups";
        }

        if (data.ParticipantGroups is not null)
        {
            return $"{path}.participantGroups";
        }

        foreach (var (d, i) in (data.Directives ?? []).Select((x, i) => (x, i)))
        {
            var property = d.GroupAssignees is not null ? "groupAssignees" : d.Target is not null ? "target" : d.Progress is not null ? "progress" : d.DoneOn is not null ? "doneOn" : null;
            if (property is not null)
            {
                return $"{path}.directives[{i}].{property}";
            }
        }

        return null;
    }

    /// <summary>
    /// Links <paramref name="recommendation"/> to the first raising a file names (<see cref="RecommendationReferenceData"/>),
    /// already in the database: imported before, or earlier in the same file. A meeting the importer may not write in gets
    /// the same answer as one that does not exist. Returns the error, or null when linked.
    /// </summary>
    private async Task<string?> LinkRecurrenceAsync(
        Recommendation recommendation, RecommendationReferenceData reference, DateOnly raisedOn, string path, ImportOptions options, CancellationToken cancellationToken)
    {
        if (await FindReferencedAsync(reference, options, cancellationToken) is not { } first)
        {
            return NotFound(reference, path);
        }

        try
        {
            recommendation.LinkAsRecurrenceOf(first, reference.HeldOn, raisedOn);
            return null;
        }
        catch (DomainException ex)
        {
            return $"{path}: {StepRefusal(ex.Code)}";
        }
    }

    /// <summary>The refusal of a reference to a recommendation not in the portal, or in a unit the importer may not write in.</summary>
    private static string NotFound(RecommendationReferenceData reference, string path) =>
        $"{path}: không có kiến nghị thứ {reference.Recommendation} của phát biểu thứ {reference.Speech} trong hội nghị "
        + $"{reference.HeldOn:yyyy-MM-dd} \"{reference.Title}\" của đơn vị {reference.Unit}, hoặc hội nghị đó nằm ngoài phạm vi của bạn";

    /// <summary>
    /// The recommendation <paramref name="reference"/> names, with its meeting, already in the database; null when there is
    /// none or its meeting is in a unit the importer may not write in (the two get the same answer).
    /// </summary>
    private async Task<Recommendation?> FindReferencedAsync(RecommendationReferenceData reference, ImportOptions options, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings
            .Where(m => m.Unit!.Code == reference.Unit && m.HeldOn == reference.HeldOn && m.Title == reference.Title)
            .Select(m => new { m.Id, UnitPath = m.Unit!.Path })
            .FirstOrDefaultAsync(cancellationToken);
        if (meeting is null || !await options.UnitPathAllowed(meeting.UnitPath))
        {
            return null;
        }

        var speeches = await db.Speeches.Where(s => s.MeetingId == meeting.Id).OrderBy(s => s.Order).Select(s => s.Id).ToListAsync(cancellationToken);
        if (reference.Speech > speeches.Count)
        {
            return null;
        }

        var speechId = speeches[reference.Speech - 1];
        var raised = await db.Recommendations.Include(r => r.Meeting).Where(r => r.SpeechId == speechId).OrderBy(r => r.Order).ToListAsync(cancellationToken);
        return reference.Recommendation > raised.Count ? null : raised[reference.Recommendation - 1];
    }

    /// <summary>A task's target, progress reports and completion, through the task's own methods and the form's date rule.</summary>
    private string? ApplyTaskRecord(Directive directive, DirectiveData data, string path, DateOnly heldOn, Func<string?, int?> org)
    {
        try
        {
            if (data.Target is { } target)
            {
                directive.SetTarget(target.Measure, target.Low, target.High, target.Unit);
            }

            foreach (var (report, i) in (data.Progress ?? []).Select((x, i) => (x, i)))
            {
                if (!RecordDates.IsBetweenMeetingAndToday(report.ReportedOn, heldOn, calendar.Today))
                {
                    return $"{path}.progress[{i}].reportedOn: ngày báo cáo {report.ReportedOn:dd/MM/yyyy} phải từ ngày hội nghị đến hôm nay";
                }

                try
                {
                    directive.ReportProgress(report.ReportedOn, report.Text, org(report.Organisation), report.By, AsStoredUtc(report.At), report.Value);
                }
                catch (DomainException ex)
                {
                    return $"{path}.progress[{i}]: {StepRefusal(ex.Code)}";
                }
            }

            if (data.DoneOn is { } doneOn)
            {
                if (!RecordDates.IsBetweenMeetingAndToday(doneOn, heldOn, calendar.Today))
                {
                    return $"{path}.doneOn: ngày hoàn thành {doneOn:dd/MM/yyyy} phải từ ngày hội nghị đến hôm nay";
                }

                directive.MarkDone(doneOn);
            }

            return null;
        }
        catch (DomainException ex)
        {
            return $"{path}.target: {StepRefusal(ex.Code)}";
        }
    }

    /// <summary>
    /// Replays a recommendation's steps through the domain methods a user's actions call, each as its recorded user at
    /// its recorded time, and checks that every event the domain records is the step the file lists (kind, status before
    /// and after: "not satisfied" records itself and the reopening it causes, so it takes two steps). The history must
    /// use each reply once and end where the file says the recommendation stands (<c>addressedTo</c>, <c>dueOn</c>).
    /// Returns the first error with its JSON path, or null.
    /// </summary>
    private static string? Replay(Recommendation recommendation, RecommendationData data, string path, DateOnly heldOn, Func<string?, int?> org, Func<string?, int?> person)
    {
        var steps = data.History ?? [];
        var responses = data.Responses ?? [];
        var used = new HashSet<int>();
        var n = 0;
        while (n < steps.Count)
        {
            var step = steps[n];
            var at = $"{path}.history[{n}]";
            var by = new Actor(step.By, AsStoredUtc(step.At));
            var before = recommendation.Events.Count;
            if (step.DueOn is { } due && !Deadline.IsAcceptable(due, heldOn))
            {
                return $"{at}.dueOn: hạn giải quyết {step.DueOn:yyyy-MM-dd} phải từ ngày hội nghị trở đi và không quá năm {WorkingCalendar.LastYear}";
            }

            var deadline = step.DueOn is { } given ? Deadline.Given(given) : Deadline.None;
            try
            {
                switch (step.Kind)
                {
                    case RecommendationEventKind.Assigned:
                        recommendation.AssignTo(org(step.Body) ?? throw Refused($"{at}.body: bước \"assigned\" cần cơ quan được giao"), deadline, by);
                        break;
                    case RecommendationEventKind.Unassigned:
                        recommendation.Unassign(by);
                        break;
                    case RecommendationEventKind.Responded:
                        if (step.Response is not { } index || index >= responses.Count || !used.Add(index))
                        {
                            return $"{at}.response: bước \"responded\" phải chỉ một câu trả lời trong \"responses\" chưa được bước nào dùng";
                        }

                        var reply = responses[index];
                        recommendation.Respond(reply.Kind, reply.RespondedOn, org(reply.Organisation), person(reply.Person), reply.Content, by);
                        break;
                    case RecommendationEventKind.Forwarded:
                        recommendation.Forward(org(step.Body) ?? throw Refused($"{at}.body: bước \"forwarded\" cần cơ quan nhận"), deadline, step.Reason ?? string.Empty, by);
                        break;
                    case RecommendationEventKind.Returned:
                        recommendation.ReturnToSender(step.Reason ?? string.Empty, by);
                        break;
                    case RecommendationEventKind.Closed:
                        recommendation.Close(by, step.Reason);
                        break;
                    case RecommendationEventKind.Reopened:
                        recommendation.Reopen(step.Reason ?? string.Empty, by);
                        break;
                    case RecommendationEventKind.Satisfied:
                        recommendation.MarkSatisfaction(true, step.Reason, by);
                        break;
                    case RecommendationEventKind.NotSatisfied:
                        recommendation.MarkSatisfaction(false, step.Reason, by);
                        break;
                    default:
                        return $"{at}.kind: bước không xác định";
                }
            }
            catch (RefusedStep refused)
            {
                return refused.Message;
            }
            catch (DomainException ex)
            {
                return $"{at}: {StepRefusal(ex.Code)}";
            }

            // What the domain recorded must be what the file says happened, step by step.
            foreach (var recorded in recommendation.Events.Skip(before))
            {
                if (n >= steps.Count)
                {
                    return $"{path}.history: thiếu bước \"{Name(recorded.Kind)}\" ({Name(recorded.FromStatus)} → {Name(recorded.ToStatus)}) mà bước trước gây ra";
                }

                var listed = steps[n];
                if (listed.Kind != recorded.Kind || listed.FromStatus != recorded.FromStatus || listed.ToStatus != recorded.ToStatus)
                {
                    return $"{path}.history[{n}]: lịch sử không khớp: theo quy tắc của cổng, bước này là \"{Name(recorded.Kind)}\" "
                        + $"từ {Name(recorded.FromStatus)} sang {Name(recorded.ToStatus)}, tệp ghi \"{Name(listed.Kind)}\" từ {Name(listed.FromStatus)} sang {Name(listed.ToStatus)}";
                }

                n++;
            }
        }

        if (Enumerable.Range(0, responses.Count).FirstOrDefault(i => !used.Contains(i), -1) is var unused and >= 0)
        {
            return $"{path}.responses[{unused}]: câu trả lời này không có bước \"responded\" nào trong \"history\"";
        }

        if (recommendation.AddressedToOrganisationId != org(data.AddressedTo))
        {
            return $"{path}.addressedTo: lịch sử kết thúc ở cơ quan khác với \"addressedTo\"";
        }

        if (recommendation.DueOn != data.DueOn)
        {
            return $"{path}.dueOn: lịch sử kết thúc với hạn {recommendation.DueOn:yyyy-MM-dd}, không phải \"dueOn\" của tệp";
        }

        return null;
    }

    /// <summary>The file's times are UTC ("Z"); the database keeps UTC without a kind, as the forms write it.</summary>
    private static DateTime AsStoredUtc(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Unspecified);

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>
    /// The import report is Vietnamese and the domain's messages are the code's English (the Vietnamese ones live in the
    /// web project's resources, which this layer does not see): the rule is named in Vietnamese with its code.
    /// </summary>
    private static string StepRefusal(string code) => code switch
    {
        "recommendation.draft" => "hội nghị chưa công bố thì kiến nghị chưa được theo dõi, trả lời hay chuyển (recommendation.draft)",
        "recommendation.settled" => "chỉ giao kiến nghị chưa được trả lời (recommendation.settled)",
        "recommendation.not-open" => "kiến nghị ở trạng thái này không nhận câu trả lời loại đó (recommendation.not-open)",
        "recommendation.decline-reason" => "không chấp nhận phải nêu lý do (recommendation.decline-reason)",
        "recommendation.forward-unassigned" => "chỉ chuyển kiến nghị đã giao và chưa trả lời (recommendation.forward-unassigned)",
        "recommendation.forward-same" => "chuyển cho cơ quan khác với cơ quan đang giữ (recommendation.forward-same)",
        "recommendation.forward-reason" => "chuyển phải nêu lý do (recommendation.forward-reason)",
        "recommendation.return-nothing" => "chỉ trả lại kiến nghị được chuyển đến, do cơ quan nhận (recommendation.return-nothing)",
        "recommendation.return-answered" => "kiến nghị đã trả lời thì không trả lại (recommendation.return-answered)",
        "recommendation.return-reason" => "trả lại phải nêu lý do (recommendation.return-reason)",
        "recommendation.close-unresolved" => "chỉ đóng kiến nghị đã giải quyết (recommendation.close-unresolved)",
        "recommendation.reopen-reason" => "mở lại phải nêu lý do (recommendation.reopen-reason)",
        "recommendation.reopen-open" => "chỉ mở lại kiến nghị đã trả lời hoặc đã kết thúc (recommendation.reopen-open)",
        "recommendation.nothing-to-judge" => "chỉ đánh giá câu trả lời đã có (recommendation.nothing-to-judge)",
        "recommendation.unsatisfied-reason" => "không hài lòng phải nêu lý do (recommendation.unsatisfied-reason)",
        "recommendation.answered" => "kiến nghị đã trả lời thì giữ cơ quan được giao (recommendation.answered)",
        "recommendation.link-same" => "hai kiến nghị đã là một vụ việc (recommendation.link-same)",
        "recommendation.link-same-meeting" => "hai kiến nghị của cùng một hội nghị không phải là kiến nghị lặp lại (recommendation.link-same-meeting)",
        "recommendation.link-copy" => "hai kiến nghị có nội dung giống hệt nhau là bản nhập trùng, không phải kiến nghị lặp lại (recommendation.link-copy)",
        "recommendation.link-later" => "kiến nghị lặp lại một kiến nghị trước nó, không phải sau nó (recommendation.link-later)",
        _ when code.StartsWith("directive.", StringComparison.Ordinal) => $"chỉ tiêu hoặc báo cáo tiến độ không hợp lệ ({code})",
        _ => $"không thực hiện được theo quy tắc của cổng ({code})",
    };

    private static RefusedStep Refused(string message) => new(message);

    /// <summary>A step the file does not give enough to try (no body named): reported with its path like a refusal of the domain.</summary>
    private sealed class RefusedStep(string message) : Exception(message);
}
