using System.Text;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Files;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>
/// Issue 14, item 7: an upload's name was taken as a path and cut at its last slash ("Biên bản họp ngày 1/2.pdf"
/// was stored as "2.pdf"). Names are kept whole and made safe; they are never used as paths.
/// </summary>
public sealed class UploadNameTests
{
    [Theory]
    [InlineData("Biên bản họp ngày 1/2.pdf", "Biên bản họp ngày 1／2.pdf")]
    [InlineData("a\\b.pdf", "a／b.pdf")]
    [InlineData("..\\..\\a.pdf", "a.pdf")]
    [InlineData("../../../etc/bien-ban.pdf", "etc／bien-ban.pdf")]
    [InlineData("Công văn số 12/NQ-TU, ngày 1.2.2025 (bản ký).pdf", "Công văn số 12／NQ-TU, ngày 1.2.2025 (bản ký).pdf")]
    [InlineData("Biên\u0001 bản\u0007 họp\u000B ngày\u0000 1/2.pdf", "Biên bản họp ngày 1／2.pdf")]
    [InlineData("hoa-don\u202Efdp.exe", "hoa-donfdp.pdf")]
    [InlineData("Biên\u200B bản\u00A0\u00A0 họp\t.pdf", "Biên bản họp.pdf")]
    [InlineData("tên:tệp?<1>|\"2\"*.pdf", "tên_tệp__1___2.pdf")]
    [InlineData("CON.pdf", "CON_.pdf")]
    [InlineData("lpt1 .pdf", "lpt1_.pdf")]
    [InlineData("Quyết định 12.2024", "Quyết định 12.2024.pdf")]
    [InlineData("bien-ban.PDF.exe", "bien-ban.PDF.pdf")]
    [InlineData(".pdf", "tep-dinh-kem.pdf")]
    [InlineData("///", "tep-dinh-kem.pdf")]
    [InlineData("", "tep-dinh-kem.pdf")]
    [InlineData(null, "tep-dinh-kem.pdf")]
    public void A_name_is_kept_whole_and_made_safe(string? given, string expected) =>
        Assert.Equal(expected, AttachmentStore.SanitizeFileName(given, AttachmentType.Pdf));

    [Fact]
    public void A_decomposed_name_is_stored_composed() =>
        Assert.Equal("Biên bản 1／2.pdf", AttachmentStore.SanitizeFileName("Biên bản 1/2.pdf".Normalize(NormalizationForm.FormD), AttachmentType.Pdf));

    [Theory]
    [InlineData("Biên bản họp ngày 1/2 ", 300)]
    [InlineData("📄", 300)]
    [InlineData("ệ", 300)]
    public void A_very_long_name_is_cut_between_whole_characters_and_keeps_its_extension(string part, int times)
    {
        var name = AttachmentStore.SanitizeFileName(string.Concat(Enumerable.Repeat(part, times)) + ".docx", AttachmentType.Docx);
        Assert.InRange(name.Length, 100, Attachment.FileNameMaxLength);
        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
        // Strict UTF-8 refuses half a surrogate pair.
        _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
        Assert.StartsWith(part.Trim().Replace('/', '／'), name, StringComparison.Ordinal);
    }

    /// <summary>Whatever is given, nothing of the result can act as a path or upset a file system, a page or a header.</summary>
    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("C:\\Windows\\System32\\drivers\\etc\\hosts.pdf")]
    [InlineData("\\\\server\\share\\a.pdf")]
    [InlineData("..")]
    [InlineData(" . . / . . / ")]
    [InlineData("a/../../b.pdf\r\nContent-Type: text/html")]
    [InlineData("<script>alert(1)</script>.pdf")]
    [InlineData("\u0000\u0001\u001F\u007F\u0085\u2028\u2029\uFEFF\uD800.pdf")]
    public void Nothing_of_a_hostile_name_acts_as_a_path(string given)
    {
        var name = AttachmentStore.SanitizeFileName(given, AttachmentType.Pdf);
        Assert.DoesNotContain(name, c => c is '/' or '\\' or '<' or '>' or ':' or '"' or '|' or '?' or '*' || char.IsControl(c) || char.IsSurrogate(c));
        Assert.False(name.StartsWith('.') || name.StartsWith(' '), name);
        Assert.Equal(name, Path.GetFileName(name));
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
