using MeetingPortal.Domain.History;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 18 trial, FAIL 4: a meeting's "Lịch sử hồ sơ" showed a change of the record's unit as "Mục: UnitId, Sau: 8"
/// and dates as stored (2026-07-01). The unit's field reads "Đơn vị" and its values the units' names; a date reads
/// dd/MM/yyyy.
/// </summary>
public sealed class MeetingHistoryWordsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_change_of_unit_shows_the_units_names_and_a_date_reads_day_first()
    {
        var (meetingId, fromUnit, toUnit) = factory.WithDb(db =>
        {
            var meeting = db.Meetings.Where(m => m.Unit!.Code == "p-ky-phuong").OrderBy(m => m.Id).Select(m => new { m.Id, m.UnitId }).First();
            var other = db.Units.Where(u => u.Code == "tx-ky-anh").Select(u => u.Id).Single();
            // The history as MeetingForm.Flatten stores it: the unit by its id, the date as ISO.
            var entry = new HistoryEntry(nameof(Domain.Meetings.Meeting), meeting.Id, HistoryAction.Updated, "thuky.kyphuong", DateTime.UtcNow)
            {
                Changes = System.Text.Json.JsonSerializer.Serialize(new List<FieldChange>
                {
                    new("UnitId", meeting.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), other.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("HeldOn", "2026-06-30", "2026-07-01"),
                }),
            };
            db.History.Add(entry);
            db.SaveChanges();
            return (meeting.Id, db.Units.Where(u => u.Id == meeting.UnitId).Select(u => u.Name).Single(), db.Units.Where(u => u.Id == other).Select(u => u.Name).Single());
        });
        var client = await factory.SignInAsync("lanhdao.kyphuong");

        var page = await client.GetHtmlAsync($"/Meetings/{meetingId}");

        var rows = page.Nodes("//section[@aria-labelledby='history']//table//tbody/tr")
            .Select(r => string.Join(" | ", (r.SelectNodes("td") ?? Enumerable.Empty<HtmlAgilityPack.HtmlNode>()).Select(td => System.Net.WebUtility.HtmlDecode(td.InnerText).Trim())))
            .ToList();
        Assert.Contains($"Đơn vị | {fromUnit} | {toUnit}", rows);
        Assert.Contains("Ngày họp | 30/06/2026 | 01/07/2026", rows);
        Assert.DoesNotContain("UnitId", page.Text(), StringComparison.Ordinal);
    }
}
