using System.Security.Cryptography;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>
/// What an export writes beside the meetings (format version 4). <paramref name="ReferenceData"/>: the levels, themes,
/// the units of <paramref name="ScopePath"/> and those above it with their names over time, the histories of the
/// organisations of those units, and the reorganisations (ADR 0018), so that a fresh installation reads every record under
/// the names of its day; only the top administrator imports it. <paramref name="Documents"/>: the approved minutes of each
/// meeting with the stored DOCX and signed scan (ADR 0019), which can be large (a scan up to 20 MB).
/// </summary>
/// <param name="ScopePath">The exporting user's scope path; null for every unit (start-up tools and tests).</param>
/// <param name="Plans">Format version 5: the dialogue plans of the units of <paramref name="ScopePath"/>, every year (issue 18).</param>
public sealed record InterchangeExportOptions(bool ReferenceData, bool Documents, string? ScopePath, bool Plans = false)
{
    /// <summary>The meetings only, as versions 1 to 3 were written.</summary>
    public static readonly InterchangeExportOptions MeetingsOnly = new(false, false, null);
}

public sealed partial class InterchangeExporter
{
    /// <summary>The DOCX as approved and the signed scan, read from the attachment store, each with its SHA-256.</summary>
    private async Task<MinutesApprovalData> ApprovalOf(Meeting meeting, MinutesApproval approval, CancellationToken cancellationToken)
    {
        var files = store ?? throw new InvalidOperationException("Exporting approved minutes needs the attachment store.");
        async Task<StoredFileData> Read(string storedName, string fileName, AttachmentType type)
        {
            await using var stream = files.Open(storedName);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            var bytes = copy.ToArray();
            return new StoredFileData(fileName, AttachmentStore.ContentType(type), Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToBase64String(bytes));
        }

        return new MinutesApprovalData(
            approval.ApprovedOn, approval.ApprovedBy, DateTime.SpecifyKind(approval.ApprovedAtUtc, DateTimeKind.Utc),
            await Read(approval.DocumentStoredName, $"bien-ban-{meeting.HeldOn:yyyy-MM-dd}.docx", AttachmentType.Docx),
            await Read(approval.ScanStoredName, approval.ScanFileName, approval.ScanType));
    }

    /// <summary>
    /// The reference data of a scope: every level and theme; the units of the scope and above it, parents first (a path
    /// sorts before the paths below it), each with its namings, merger and retirement; the organisations of those units
    /// that have a history, after the bodies they stand or stood under; every reorganisation. Names and codes only: the
    /// tree's own ids never travel.
    /// </summary>
    private async Task<InterchangeDocument> ReferenceDataAsync(string? scopePath, CancellationToken cancellationToken)
    {
        var levels = await db.UnitLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new LevelData(l.Rank, l.Name) { RetiredOn = l.RetiredOn }).ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Code).Select(t => new ThemeData(t.Code, t.Name)).ToListAsync(cancellationToken);
        var above = scopePath is null ? new List<int>() : Unit.IdsOf(scopePath);
        // Every unit is read once (a few thousand rows for the whole country) and the scope is kept here.
        var units = (await db.Units.AsNoTracking()
            .Select(u => new { u.Id, u.Code, u.Name, u.Path, Rank = u.Level!.Rank, u.ParentId, u.MergedIntoId, u.MergedAtUtc, u.RetiredOn, u.Namings })
            .ToListAsync(cancellationToken))
            .Where(u => scopePath is null || Unit.IsInScope(u.Path, scopePath) || above.Contains(u.Id))
            .OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        var codes = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        string? Code(int? id) => id is { } key ? codes[key] : null;

        var unitData = units.Select(u => new UnitData(u.Code, u.Name, u.Rank, Code(u.ParentId))
        {
            Namings = u.Namings.Count == 0 ? null : u.Namings.OrderBy(n => n.ValidFrom ?? DateOnly.MinValue)
                .Select(n => new UnitNamingData(n.Name, Code(n.ParentId), n.ValidFrom, n.ValidTo, n.Basis)).ToList(),
            MergedInto = Code(u.MergedIntoId),
            MergedAt = u.MergedAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            RetiredOn = u.RetiredOn,
        }).ToList();

        var unitIds = units.Select(u => u.Id).ToList();
        var withHistory = await db.Organisations.AsNoTracking().Include(o => o.Namings)
            .Where(o => unitIds.Contains(o.UnitId) && o.Namings.Any())
            .ToListAsync(cancellationToken);
        var parentIds = withHistory.SelectMany(o => o.Namings.Select(n => n.ParentOrganisationId).Append(o.ParentOrganisationId)).OfType<int>().ToHashSet();
        var historyIds = withHistory.Select(o => o.Id).ToHashSet();
        var bodyIds = parentIds.Concat(historyIds).ToList();
        var bodies = await db.Organisations.AsNoTracking().Where(o => bodyIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.UnitId, o.Kind }).ToDictionaryAsync(o => o.Id, cancellationToken);
        // Bodies only listed because another stands under them come first, then those with a history: a parent is known before it is named.
        var organisations = parentIds.Where(id => !historyIds.Contains(id)).Select(id => bodies[id])
            .OrderBy(o => codes[o.UnitId], StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new OrganisationHistoryData(codes[o.UnitId], o.Name, o.Kind, null, null))
            .Concat(withHistory.OrderBy(o => o.ParentOrganisationId is null && !o.Namings.Any(n => n.ParentOrganisationId is not null) ? 0 : 1)
                .ThenBy(o => codes[o.UnitId], StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => new OrganisationHistoryData(codes[o.UnitId], o.Name, o.Kind, o.ParentOrganisationId is { } parent ? bodies[parent].Name : null,
                    o.Namings.OrderBy(n => n.ValidFrom ?? DateOnly.MinValue)
                        .Select(n => new OrganisationNamingData(n.Name, codes[n.UnitId], n.ParentOrganisationId is { } p ? bodies[p].Name : null, n.ValidFrom, n.ValidTo, n.Basis)).ToList())))
            .ToList();

        var retiredRanks = await db.UnitLevels.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Rank, cancellationToken);
        var reorganisations = (await db.Reorganisations.AsNoTracking().OrderBy(r => r.EffectiveOn).ThenBy(r => r.Id).ToListAsync(cancellationToken))
            .Select(r => new ReorganisationData(r.LegalBasis, r.EffectiveOn, r.RetiredLevelId is { } level ? retiredRanks[level] : null, string.IsNullOrEmpty(r.Outcome) ? null : r.Outcome))
            .ToList();

        return new InterchangeDocument
        {
            Levels = levels,
            Themes = themes,
            Units = unitData,
            Organisations = organisations.Count == 0 ? null : organisations,
            Reorganisations = reorganisations.Count == 0 ? null : reorganisations,
        };
    }
}
