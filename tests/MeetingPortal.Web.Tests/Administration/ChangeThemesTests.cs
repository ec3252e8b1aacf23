using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>The themes' use case, called as the page calls it.</summary>
public sealed class ChangeThemesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Saving a theme's name unchanged wrote a history row "X → X" each time.</summary>
    [Fact]
    public async Task Saving_a_name_unchanged_writes_no_history_and_a_new_name_one_row()
    {
        var (id, name) = factory.WithDb(db => db.Themes.OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).AsEnumerable().Select(t => (t.Id, t.Name)).First());
        int Rows() => factory.WithDb(db => db.History.Count(h => h.EntityType == "Theme" && h.EntityId == id));
        var before = Rows();

        var same = await factory.RunAsync<ChangeThemes, UseCaseResult>("quantri.toanquoc", (uc, user) => uc.RenameAsync(user, id, new ThemeInput { Name = $" {name} " }, CancellationToken.None));
        Assert.Equal((UseCaseStatus.Done, before), (same.Status, Rows()));

        var renamed = await factory.RunAsync<ChangeThemes, UseCaseResult>("quantri.toanquoc", (uc, user) => uc.RenameAsync(user, id, new ThemeInput { Name = name + " (sửa)" }, CancellationToken.None));
        Assert.Equal((UseCaseStatus.Done, before + 1), (renamed.Status, Rows()));
    }
}
