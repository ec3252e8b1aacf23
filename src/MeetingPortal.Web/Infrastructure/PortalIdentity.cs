using System.Reflection;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Who runs this portal, as its header and footer say (issue 17, deliver 7): the owning agency (cơ quan chủ quản), an
/// emblem, and a contact line for help with accounts. Read from the "Portal" section of the settings; each part is shown
/// only when set, since an installation names its own agency and no default may claim one.
/// </summary>
public sealed class PortalIdentityOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Portal";

    /// <summary>The owning agency's name as it writes it ("Ban Dân vận Tỉnh ủy Hà Tĩnh"); shown under the portal's name.</summary>
    public string? OwningAgency { get; set; }

    /// <summary>The emblem's address under wwwroot ("/images/emblem.png"); shown beside the portal's name, decorative.</summary>
    public string? EmblemPath { get; set; }

    /// <summary>Who to ask for an account or a forgotten password (a name, a telephone number, an address).</summary>
    public string? Contact { get; set; }

    /// <summary>
    /// The portal's version for the footer: the assembly's informational version without the build metadata after
    /// "+" (the commit), which says nothing to a reader.
    /// </summary>
    public static string Version { get; } = (typeof(PortalIdentityOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PortalIdentityOptions).Assembly.GetName().Version?.ToString() ?? "0").Split('+')[0];
}
