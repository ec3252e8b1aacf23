using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Infrastructure.Seeding;

// Format version 5 (issue 18, deliver 3; ADR 0025 section 3): a recommendation's roadmap, restored after its history
// through the domain's rules of dates and shares; a meeting's report on earlier recommendations (deliver 6).
public sealed partial class InterchangeImporter
{
    /// <summary>The path of the first version 5 property in a document that declares an older version, or null.</summary>
    private static string? FirstVersion5Property(InterchangeDocument document)
    {
        if (document.Plans is { Count: > 0 })
        {
            return "#/plans[0]";
        }

        foreach (var (meeting, m) in (document.Meetings ?? []).Select((x, i) => (x, i)))
        {
            if (meeting.CarriedOver is { Count: > 0 })
            {
                return $"#/meetings[{m}].carriedOver";
            }

            foreach (var (speech, s) in (meeting.Speeches ?? []).Select((x, i) => (x, i)))
            {
                foreach (var (r, i) in (speech.Recommendations ?? []).Select((x, i) => (x, i)))
                {
                    if (r.Roadmap is not null)
                    {
                        return $"#/meetings[{m}].speeches[{s}].recommendations[{i}].roadmap";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Restores <paramref name="data"/> on <paramref name="recommendation"/> (<see cref="Recommendation.RestoreRoadmap"/>):
    /// the reporting body by its key, the rules of dates, shares and done dates. Returns the error with its JSON path, or null.
    /// </summary>
    private string? RestoreRoadmap(Recommendation recommendation, RoadmapData data, string path, Func<string?, int?> org, Actor by)
    {
        if (org(data.ReportingBody) is not { } body)
        {
            return $"{path}.reportingBody: không có cơ quan báo cáo \"{data.ReportingBody}\"";
        }

        var milestones = data.Milestones ?? [];
        try
        {
            recommendation.RestoreRoadmap(data.PlannedResolutionOn, body,
                milestones.Select(x => new MilestonePlan(null, x.Content ?? string.Empty, x.DueOn, x.SharePercent)).ToList(),
                milestones.Select(x => (x.DoneOn, x.DoneNote)).ToList(), calendar.Today, by);
            return null;
        }
        catch (DomainException ex)
        {
            return $"{path}: {RoadmapRefusal(ex.Code)}";
        }
    }

    /// <summary>
    /// Gives <paramref name="meeting"/> the report on earlier recommendations a file lists (<see cref="MeetingData.CarriedOver"/>)
    /// through <see cref="Meeting.ReportCarriedOver"/>: each recommendation must already be in the portal, in a unit the
    /// importer may write in, and the domain's rules hold (an earlier published meeting of the same unit, a state still
    /// open, at least one raising). Returns the error with its JSON path, or null.
    /// </summary>
    private async Task<string?> ReportCarriedOverAsync(Meeting meeting, List<CarriedOverData> lines, string path, ImportOptions options, CancellationToken cancellationToken)
    {
        var reports = new List<CarriedOverReport>();
        foreach (var (line, i) in lines.Select((x, i) => (x, i)))
        {
            if (await FindReferencedAsync(line.Recommendation, options, cancellationToken) is not { } earlier)
            {
                return NotFound(line.Recommendation, $"{path}[{i}].recommendation");
            }

            reports.Add(new CarriedOverReport(
                earlier.Id, earlier.Meeting!.UnitId, earlier.Meeting.HeldOn, earlier.Meeting.Status == MeetingStatus.Published, line.ReportedStatus, line.TimesRaised, line.FirstRaisedOn));
        }

        try
        {
            meeting.ReportCarriedOver(reports);
            return null;
        }
        catch (DomainException ex)
        {
            return $"{path}: " + ex.Code switch
            {
                "meeting.carry-not-earlier" => "chỉ báo cáo kiến nghị của các hội nghị đã công bố của cùng đơn vị, họp trước hội nghị này (meeting.carry-not-earlier)",
                "meeting.carry-resolved" => "chỉ báo cáo kiến nghị còn chưa giải quyết xong (meeting.carry-resolved)",
                "meeting.carry-times" => "số lần nêu từ 1 trở lên, ngày nêu đầu tiên không sau ngày nêu gần nhất (meeting.carry-times)",
                _ => StepRefusal(ex.Code),
            };
        }
    }

    private static string RoadmapRefusal(string code) => code switch
    {
        "roadmap.planned-before-meeting" => "ngày dự kiến giải quyết xong không được trước ngày hội nghị (roadmap.planned-before-meeting)",
        "roadmap.no-milestones" => "lộ trình phải có ít nhất một mốc (roadmap.no-milestones)",
        "roadmap.too-many-milestones" => $"lộ trình có nhiều nhất {Roadmap.MaxMilestones} mốc (roadmap.too-many-milestones)",
        "roadmap.planned-too-far" => $"ngày dự kiến giải quyết xong không được sau năm {Domain.Meetings.ReviewPeriod.LastYear} (roadmap.planned-too-far)",
        "roadmap.milestone-content" => "mốc phải có nội dung (roadmap.milestone-content)",
        "roadmap.milestone-before-meeting" => "hạn của mốc không được trước ngày hội nghị (roadmap.milestone-before-meeting)",
        "roadmap.milestone-after-planned" => "hạn của mốc không được sau ngày dự kiến giải quyết xong (roadmap.milestone-after-planned)",
        "roadmap.share-range" => "tiến độ của mốc là số từ 0 đến 100 (roadmap.share-range)",
        "roadmap.share-not-rising" => "tiến độ phải tăng dần theo hạn của các mốc (roadmap.share-not-rising)",
        "roadmap.done-date" => "ngày hoàn thành mốc phải từ ngày hội nghị đến hôm nay (roadmap.done-date)",
        _ => StepRefusal(code),
    };
}
