using System.Globalization;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>Plan entries written straight into a test portal's database, and the ids the plan tests use.</summary>
internal static class PlanFixtures
{
    public static int Unit(this PortalFactory factory, string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    public static int Body(this PortalFactory factory, string unitCode, OrganisationKind kind) =>
        factory.WithDb(db => db.Organisations.Where(o => o.Unit!.Code == unitCode && o.Kind == kind).OrderBy(o => o.Id).Select(o => o.Id).First());

    /// <summary>Kỳ Phương's published dialogue of 28/6/2022 (a seed report).</summary>
    public static int KyPhuongMeeting(this PortalFactory factory) =>
        factory.WithDb(db => db.Meetings.Single(m => m.Unit!.Code == "p-ky-phuong" && m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id);

    /// <summary>A new entry of <paramref name="unitCode"/>'s plan, optionally held by <paramref name="meetingId"/>.</summary>
    public static int AddEntry(this PortalFactory factory, string unitCode, ReviewPeriod period, string topic, int? meetingId = null) => factory.WithDb(db =>
    {
        var entry = new PlannedDialogue(db.Units.Single(u => u.Code == unitCode).Id, period, topic);
        if (meetingId is { } id)
        {
            entry.LinkMeeting(db.Meetings.Single(m => m.Id == id));
        }

        db.PlannedDialogues.Add(entry);
        db.SaveChanges();
        return entry.Id;
    });

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static (string Topic, int? MeetingId, DateOnly? CancelledOn, int Version) Stored(this PortalFactory factory, int id) => factory.WithDb(db =>
        db.PlannedDialogues.AsNoTracking().Where(p => p.Id == id).AsEnumerable().Select(p => (p.Topic, p.MeetingId, p.CancelledOn, p.Version)).Single());
}
