using System.Security.Cryptography;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Seeding;

// Format version 4 (issue 16, deliver 8): names over time and reorganisations as reference data (ADR 0018), the unit a
// merged meeting was held in, and approved minutes with their stored files (ADR 0019).
public sealed partial class InterchangeImporter
{
    /// <summary>Files written to the attachment store by this import; removed again when the import is refused or fails.</summary>
    private readonly List<string> _storedFiles = [];

    /// <summary>
    /// The first property of format version 4 in a document that declares an older version, with its JSON path: a file
    /// says which version it is written in, so a version 3 file holding a unit's namings is refused at that field.
    /// </summary>
    private static string? FirstVersion4Property(InterchangeDocument document)
    {
        if (document.Organisations is not null)
        {
            return "#/organisations";
        }

        if (document.Reorganisations is not null)
        {
            return "#/reorganisations";
        }

        foreach (var (level, i) in (document.Levels ?? []).Select((x, i) => (x, i)))
        {
            if (level.RetiredOn is not null)
            {
                return $"#/levels[{i}].retiredOn";
            }
        }

        foreach (var (unit, i) in (document.Units ?? []).Select((x, i) => (x, i)))
        {
            var property = unit.Namings is not null ? "namings" : unit.MergedInto is not null ? "mergedInto" : unit.MergedAt is not null ? "mergedAt" : unit.RetiredOn is not null ? "retiredOn" : null;
            if (property is not null)
            {
                return $"#/units[{i}].{property}";
            }
        }

        foreach (var (meeting, i) in (document.Meetings ?? []).Select((x, i) => (x, i)))
        {
            var property = meeting.HeldIn is not null ? "heldIn" : meeting.MinutesApproval is not null ? "minutesApproval" : null;
            if (property is not null)
            {
                return $"#/meetings[{i}].{property}";
            }
        }

        return null;
    }

    /// <summary>
    /// A level's retirement: a level the import made takes it (<see cref="UnitLevel.Retire"/>); a level already kept must
    /// stand as the file says, or the file's history conflicts with the portal's and is refused.
    /// </summary>
    private async Task ImportLevelRetirementsAsync(List<LevelData> levels, HashSet<int> createdRanks, ImportResult result, CancellationToken cancellationToken)
    {
        foreach (var (data, i) in levels.Select((x, i) => (x, i)))
        {
            var level = await db.UnitLevels.SingleAsync(l => l.Rank == data.Rank, cancellationToken);
            // Absent is not carried (a file of versions 1 to 3, the seeds), not "standing": only a stated day is compared.
            if (data.RetiredOn is null || level.RetiredOn == data.RetiredOn)
            {
                continue;
            }

            if (!createdRanks.Contains(data.Rank) || data.RetiredOn is not { } on)
            {
                result.Errors.Add($"#/levels[{i}].retiredOn: cấp {data.Rank} trong cổng {(level.RetiredOn is { } kept ? $"đã thôi từ {kept:dd/MM/yyyy}" : "vẫn còn")}, khác với tệp; lịch sử trong tệp mâu thuẫn với lịch sử đã có.");
                continue;
            }

            try
            {
                level.Retire(on);
            }
            catch (DomainException ex)
            {
                result.Errors.Add($"#/levels[{i}].retiredOn: {HistoryRefusal(ex.Code)}.");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The second pass over the file's units, once every unit exists (a naming may name a parent listed later): a unit the
    /// import made takes its merger (<see cref="Unit.MergeInto"/>) and retirement (<see cref="Unit.Retire"/>); a unit already
    /// kept must stand as the file says. Then each unit's namings are restored (<see cref="Unit.RestoreHistory"/>): added
    /// when the portal knows nothing beyond today's name, nothing when the same history is kept, refused otherwise.
    /// </summary>
    private async Task ImportUnitHistoryAsync(List<UnitData> units, HashSet<string> createdCodes, ImportResult result, CancellationToken cancellationToken)
    {
        if (!units.Any(u => u.Namings is not null || u.MergedInto is not null || u.RetiredOn is not null))
        {
            return;
        }

        var ids = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        foreach (var (data, i) in units.Select((x, i) => (x, i)))
        {
            if (data.Namings is null && data.MergedInto is null && data.RetiredOn is null)
            {
                continue;
            }

            var path = $"#/units[{i}]";
            var unit = await db.Units.Include(u => u.Namings).SingleOrDefaultAsync(u => u.Code == data.Code, cancellationToken);
            if (unit is null)
            {
                // Refused in the first pass already, with its reason.
                continue;
            }

            int? mergedIntoId = null;
            if (data.MergedInto is { } intoCode)
            {
                if (!ids.TryGetValue(intoCode, out var into) || data.MergedAt is null)
                {
                    result.Errors.Add($"{path}.mergedInto: không có đơn vị {intoCode}, hoặc thiếu thời điểm hợp nhất (mergedAt).");
                    continue;
                }

                mergedIntoId = into;
            }

            var mergedAt = data.MergedAt is { } at ? AsStoredUtc(at) : (DateTime?)null;
            try
            {
                if (createdCodes.Contains(data.Code))
                {
                    if (mergedIntoId is { } target)
                    {
                        unit.MergeInto(await db.Units.SingleAsync(u => u.Id == target, cancellationToken), mergedAt!.Value);
                    }

                    if (data.RetiredOn is { } retiredOn)
                    {
                        unit.Retire(retiredOn);
                    }
                }
                else if (!unit.StandsAs(mergedIntoId, mergedAt, data.RetiredOn))
                {
                    result.Errors.Add($"{path}: đơn vị {data.Code} trong cổng {StandingOf(unit)}, khác với tệp; lịch sử trong tệp mâu thuẫn với lịch sử đã có.");
                    continue;
                }
            }
            catch (DomainException ex)
            {
                result.Errors.Add($"{path}: {HistoryRefusal(ex.Code)}.");
                continue;
            }

            if (data.Namings is not { } namings)
            {
                continue;
            }

            var spans = new List<UnitNaming>();
            foreach (var (n, j) in namings.Select((x, j) => (x, j)))
            {
                int? parentId = null;
                if (n.Parent is { } parentCode)
                {
                    if (!ids.TryGetValue(parentCode, out var parent))
                    {
                        result.Errors.Add($"{path}.namings[{j}].parent: không có đơn vị {parentCode}.");
                        spans = null;
                        break;
                    }

                    parentId = parent;
                }

                spans.Add(UnitNaming.Carried(unit.Id, n.Name, parentId, n.From, n.To, n.Basis));
            }

            if (spans is null)
            {
                continue;
            }

            try
            {
                if (unit.RestoreHistory(spans))
                {
                    audit.Record(nameof(Unit), unit.Id, HistoryAction.Imported, $"lịch sử tên của đơn vị {unit.Code} ({result.Source})", unitId: unit.Id);
                }
            }
            catch (DomainException ex)
            {
                result.Errors.Add($"{path}.namings: {HistoryRefusal(ex.Code)} (đơn vị {data.Code}).");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string StandingOf(Unit unit) =>
        unit.MergedIntoId is not null ? "đã hợp nhất" : unit.RetiredOn is { } on ? $"đã thôi từ {on:dd/MM/yyyy}" : "đang hoạt động";

    /// <summary>
    /// Organisations as reference data: each found by its unit and today's name, or made of its kind in that unit; then its
    /// namings restored (<see cref="Organisation.RestoreHistory"/>), a parent named by the body's name today, looked up in
    /// the span's unit and then in the organisation's unit today (a merger moves the bodies of a unit together).
    /// </summary>
    private async Task ImportOrganisationHistoryAsync(List<OrganisationHistoryData> organisations, ImportResult result, CancellationToken cancellationToken)
    {
        if (organisations.Count == 0)
        {
            return;
        }

        var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, cancellationToken);
        foreach (var (data, i) in organisations.Select((x, i) => (x, i)))
        {
            var path = $"#/organisations[{i}]";
            if (!units.TryGetValue(data.Unit, out var unitId))
            {
                result.Errors.Add($"{path}.unit: không có đơn vị {data.Unit}.");
                continue;
            }

            var organisation = await db.Organisations.Include(o => o.Namings).SingleOrDefaultAsync(o => o.UnitId == unitId && o.Name == data.Name, cancellationToken);
            var created = organisation is null;
            if (organisation is null)
            {
                organisation = db.Organisations.Add(new Organisation(unitId, data.Name, data.Kind)).Entity;
                await db.SaveChangesAsync(cancellationToken);
                RecordReferenceData([organisation], nameof(Organisation), o => o.Id, o => $"tổ chức {data.Unit}: {o.Name}", result);
                result.Created.Add($"tổ chức {data.Unit}: {data.Name}");
            }

            if (data.Namings is not { } namings)
            {
                continue;
            }

            var spans = new List<OrganisationNaming>();
            foreach (var (n, j) in namings.Select((x, j) => (x, j)))
            {
                if (!units.TryGetValue(n.Unit, out var spanUnit))
                {
                    result.Errors.Add($"{path}.namings[{j}].unit: không có đơn vị {n.Unit}.");
                    spans = null;
                    break;
                }

                int? parentId = null;
                if (n.Parent is { } parentName)
                {
                    parentId = await db.Organisations.Where(o => (o.UnitId == spanUnit || o.UnitId == unitId) && o.Name == parentName)
                        .OrderBy(o => o.UnitId == spanUnit ? 0 : 1).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
                    if (parentId is null)
                    {
                        result.Errors.Add($"{path}.namings[{j}].parent: không có tổ chức \"{parentName}\" của đơn vị {n.Unit}; hãy liệt kê nó trước trong \"organisations\".");
                        spans = null;
                        break;
                    }
                }

                spans.Add(OrganisationNaming.Carried(organisation.Id, n.Name, spanUnit, parentId, n.From, n.To, n.Basis));
            }

            if (spans is null)
            {
                continue;
            }

            try
            {
                // A body with no history and no parent (made by this file's meetings, or before names were kept) knows nothing
                // of its standing: it takes today's parent from the file with the history.
                var knowsNothing = created || (organisation.Namings.Count == 0 && organisation.ParentOrganisationId is null);
                if (organisation.RestoreHistory(spans, adoptPresent: knowsNothing))
                {
                    audit.Record(nameof(Organisation), organisation.Id, HistoryAction.Imported, $"lịch sử tên của tổ chức {organisation.Name} ({result.Source})");
                }
            }
            catch (DomainException ex)
            {
                result.Errors.Add($"{path}.namings: {HistoryRefusal(ex.Code)} (tổ chức {data.Name}).");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The decisions applied, matched by legal basis and effective day: one already kept is not added again.</summary>
    private async Task ImportReorganisationsAsync(List<ReorganisationData> reorganisations, ImportResult result, CancellationToken cancellationToken)
    {
        var added = new List<Reorganisation>();
        foreach (var (data, i) in reorganisations.Select((x, i) => (x, i)))
        {
            int? levelId = null;
            if (data.RetiredLevel is { } rank)
            {
                levelId = await db.UnitLevels.Where(l => l.Rank == rank).Select(l => (int?)l.Id).SingleOrDefaultAsync(cancellationToken);
                if (levelId is null)
                {
                    result.Errors.Add($"#/reorganisations[{i}].retiredLevel: không có cấp {rank}.");
                    continue;
                }
            }

            if (await db.Reorganisations.AnyAsync(r => r.LegalBasis == data.LegalBasis && r.EffectiveOn == data.EffectiveOn, cancellationToken)
                || added.Any(r => r.LegalBasis == data.LegalBasis && r.EffectiveOn == data.EffectiveOn))
            {
                continue;
            }

            added.Add(db.Reorganisations.Add(new Reorganisation(data.LegalBasis, data.EffectiveOn) { RetiredLevelId = levelId, Outcome = data.Outcome ?? string.Empty }).Entity);
        }

        await db.SaveChangesAsync(cancellationToken);
        RecordReferenceData(added, nameof(Reorganisation), r => r.Id, r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sắp xếp đơn vị từ {r.EffectiveOn:dd/MM/yyyy}: {r.LegalBasis}"), result);
        result.Created.AddRange(added.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sắp xếp đơn vị từ {r.EffectiveOn:dd/MM/yyyy}: {r.LegalBasis}")));
    }

    /// <summary>
    /// The unit a meeting was held in before a merger moved it to its unit: a merged unit under the meeting's unit (a
    /// merged unit stands under the one it merged into). Returns the error with its path, or null.
    /// </summary>
    private async Task<string?> ApplyHeldInAsync(Meeting meeting, Unit unit, string? heldIn, string path, CancellationToken cancellationToken)
    {
        if (heldIn is null || heldIn == unit.Code)
        {
            return null;
        }

        var held = await db.Units.AsNoTracking().Where(u => u.Code == heldIn).Select(u => new { u.Id, u.Path, u.MergedIntoId }).SingleOrDefaultAsync(cancellationToken);
        if (held is null || held.MergedIntoId is null || !Unit.IsInScope(held.Path, unit.Path))
        {
            return $"{path}.heldIn: đơn vị {heldIn} không phải đơn vị đã hợp nhất vào {unit.Code}";
        }

        meeting.HeldInUnitId = held.Id;
        return null;
    }

    /// <summary>
    /// The unit <paramref name="heldIn"/> and the units above it as they stood on <paramref name="day"/>, by their namings
    /// (ADR 0018): Kỳ Phương's 2022 meeting names the district's Ban Dân vận although the ward now stands under another
    /// unit. Empty when the meeting was not moved or the unit is unknown (refused then beside <c>heldIn</c>).
    /// </summary>
    private async Task<HashSet<int>> LineageThenAsync(string? heldIn, DateOnly day, CancellationToken cancellationToken)
    {
        var lineage = new HashSet<int>();
        var current = heldIn is null ? null : await db.Units.AsNoTracking().Where(u => u.Code == heldIn).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken);
        while (current is { } id && lineage.Add(id))
        {
            var namings = await db.UnitNamings.AsNoTracking().Where(n => n.UnitId == id).ToListAsync(cancellationToken);
            current = DatedSpan.On(namings, day) is { } span
                ? span.ParentId
                : await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.ParentId).SingleAsync(cancellationToken);
        }

        return lineage;
    }

    /// <summary>
    /// Restores approved minutes (ADR 0019) with the stored files the file carries, never generated again: each file's bytes
    /// must have the SHA-256 the file states; the document must be a Word document and the scan a PDF or an image, each
    /// recognised by its content as an upload is. The files are written to the attachment store (and removed again when the
    /// import is refused); the approval goes through <see cref="Meeting.ApproveMinutes"/>, so a draft's minutes are refused.
    /// Returns the error with its path, or null.
    /// </summary>
    private async Task<string?> RestoreMinutesApprovalAsync(Meeting meeting, MinutesApprovalData data, string path, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return $"{path}: cổng không có kho tệp để giữ biên bản đã duyệt";
        }

        var (documentBytes, _, documentError) = Carried(data.Document, $"{path}.document", t => t == AttachmentType.Docx, "bản DOCX của biên bản đã duyệt phải là tệp Word (.docx)");
        if (documentError is not null)
        {
            return documentError;
        }

        var (scanBytes, scanType, scanError) = Carried(data.Scan, $"{path}.scan", ReportScan.IsScanType, "bản quét biên bản đã ký phải là tệp PDF hoặc ảnh JPEG, PNG");
        if (scanError is not null)
        {
            return scanError;
        }

        try
        {
            // Checked before any file is written, as the approve form does.
            if (!meeting.MayApproveMinutes)
            {
                return $"{path}: {HistoryRefusal("minutes.not-published")}";
            }

            using var scanContent = new MemoryStream(scanBytes, writable: false);
            var scanName = await store.SaveAsync(scanContent, cancellationToken);
            _storedFiles.Add(scanName);
            using var documentContent = new MemoryStream(documentBytes, writable: false);
            var documentName = await store.SaveAsync(documentContent, cancellationToken);
            _storedFiles.Add(documentName);
            meeting.ApproveMinutes(
                new ReportScan(AttachmentStore.SanitizeFileName(data.Scan.FileName, scanType), scanType, scanBytes.LongLength, scanName),
                documentName, documentBytes.LongLength, data.ApprovedOn, data.ApprovedBy, AsStoredUtc(data.ApprovedAt));
            return null;
        }
        catch (DomainException ex)
        {
            return $"{path}: {HistoryRefusal(ex.Code)}";
        }
    }

    /// <summary>
    /// A carried file's bytes and type, checked: base64, at most <see cref="Attachment.MaxSizeBytes"/>, the stated SHA-256,
    /// a type recognised by content, allowed and the one stated. On error the bytes are empty and the error says why.
    /// </summary>
    private static (byte[] Bytes, AttachmentType Type, string? Error) Carried(StoredFileData file, string path, Func<AttachmentType, bool> allowed, string wrongType)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(file.Content);
        }
        catch (FormatException)
        {
            return ([], default, $"{path}.content: nội dung tệp không phải base64");
        }

        if (bytes.LongLength > Attachment.MaxSizeBytes)
        {
            return ([], default, $"{path}.content: tệp lớn hơn {Attachment.MaxSizeBytes / 1024 / 1024} MB");
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256, StringComparison.Ordinal))
        {
            return ([], default, $"{path}.sha256: mã băm SHA-256 của nội dung không khớp với mã ghi trong tệp; tệp đã bị thay đổi hoặc hỏng");
        }

        using var content = new MemoryStream(bytes, writable: false);
        if (AttachmentStore.Detect(content) is not { } type || !allowed(type) || AttachmentStore.ContentType(type) != file.ContentType)
        {
            return ([], default, $"{path}.content: {wrongType} (loại tệp được kiểm tra theo nội dung)");
        }

        return (bytes, type, null);
    }

    /// <summary>Removes the files this import wrote when nothing of it is kept.</summary>
    private void ForgetStoredFiles()
    {
        foreach (var name in _storedFiles)
        {
            store?.Delete(name);
        }

        _storedFiles.Clear();
    }

    private static string HistoryRefusal(string code) => code switch
    {
        "naming.chain" => "các khoảng thời gian của lịch sử tên phải nối tiếp nhau, không chồng lấn, không hở, khoảng cuối còn hiệu lực (naming.chain)",
        "naming.conflict" => "lịch sử tên trong tệp mâu thuẫn với lịch sử đã có trong cổng (tên hoặc cấp trên khác nhau trong cùng những ngày, hoặc tên hiện nay khác) (naming.conflict)",
        "organisation.parent" => "tổ chức chỉ đứng dưới một tổ chức khác của cùng đơn vị (organisation.parent)",
        "level.retire" => "chỉ thôi một cấp đang có, dưới cấp cao nhất (level.retire)",
        "unit.retire" => "chỉ thôi một đơn vị đang hoạt động, dưới cấp cao nhất (unit.retire)",
        "minutes.not-published" => "chỉ duyệt biên bản của hội nghị đã công bố (minutes.not-published)",
        "minutes.already-approved" => "biên bản đã được duyệt (minutes.already-approved)",
        "minutes.scan-type" => "bản quét biên bản đã ký phải là tệp PDF hoặc ảnh JPEG, PNG (minutes.scan-type)",
        _ when code.StartsWith("unit.merge", StringComparison.Ordinal) => $"không hợp nhất được đơn vị như tệp nêu ({code})",
        _ => $"không áp dụng được ({code})",
    };
}
