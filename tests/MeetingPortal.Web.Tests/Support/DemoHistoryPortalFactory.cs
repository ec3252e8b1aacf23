namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// The portal as Development starts it: seeds, demo accounts and the demo history (Seeding:DemoData:History, ADR 0024),
/// on its own SQLite file built at its first start (never the shared template, which has no history).
/// </summary>
public sealed class DemoHistoryPortalFactory : PortalFactory
{
    public DemoHistoryPortalFactory()
        : base(Path.Combine(Path.GetTempPath(), "meetingportal-tests", Guid.NewGuid().ToString("N")), keepData: false)
    {
    }

    /// <summary>A portal on <paramref name="dataDirectory"/>: a second start on the files of a first one when <paramref name="keepData"/>.</summary>
    internal DemoHistoryPortalFactory(string dataDirectory, bool keepData)
        : base(dataDirectory, keepData)
    {
    }

    protected override bool DemoHistory => true;
}
