using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>Fills a demo responder's queue: the seeds' answers to their body are all in, so some are taken up again.</summary>
public static class QueueFilling
{
    /// <summary>Reopens the first <paramref name="count"/> answered recommendations addressed to <paramref name="responder"/>'s body, through the domain.</summary>
    public static async Task ReopenAnsweredAsync(this PortalFactory factory, string responder, int count = 3)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var body = await db.Users.Where(u => u.UserName == responder).Select(u => u.OrganisationId).SingleAsync();
        var answered = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).AsSplitQuery()
            .Where(r => r.AddressedToOrganisationId == body && r.Status == RecommendationStatus.Answered)
            .OrderBy(r => r.Id).Take(count).ToListAsync();
        foreach (var r in answered)
        {
            r.Reopen("Cần trả lời cụ thể", new Actor("test", DateTime.UtcNow));
        }

        await db.SaveChangesAsync();
    }
}
