using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Infrastructure.Seeding;

// Format version 5 (issue 18, deliver 3; ADR 0025 section 3): a recommendation's roadmap, restored after its history
// through the domain's rules of dates and shares.
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
