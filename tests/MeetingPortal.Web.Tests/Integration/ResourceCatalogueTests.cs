using System.Xml.Linq;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// The English catalogue has a text for every key of the Vietnamese one and no other: a key missing from it shows the
/// Vietnamese text in the middle of an English page (the results notice's texts were, until the issue 18 trial).
/// </summary>
public sealed class ResourceCatalogueTests
{
    [Fact]
    public void English_has_every_key_of_Vietnamese_and_no_other()
    {
        var vietnamese = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en-US.resx");

        Assert.Empty(vietnamese.Except(english).Order(StringComparer.Ordinal));
        Assert.Empty(english.Except(vietnamese).Order(StringComparer.Ordinal));
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
}
