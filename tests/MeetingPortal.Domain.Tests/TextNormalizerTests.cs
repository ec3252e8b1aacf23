using System.Text;
using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Tests;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Hà Tĩnh", "ha tinh")]
    [InlineData("kiến nghị hỗ trợ kinh phí", "kien nghi ho tro kinh phi")]
    [InlineData("Đảng ủy phường Kỳ Phương", "dang uy phuong ky phuong")]
    [InlineData("  Thừa   Thiên\tHuế ", "thua thien hue")]
    [InlineData("Đ/c Phùng", "d c phung")]
    [InlineData("Nghị quyết 09-NQ/Th.U,", "nghi quyet 09 nq th u")]
    public void Folding_ignores_diacritics_case_and_spacing(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.FoldForSearch(input));

    [Fact]
    public void Decomposed_and_composed_input_fold_alike()
    {
        var composed = "Kỳ Phương";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(TextNormalizer.FoldForSearch(composed), TextNormalizer.FoldForSearch(decomposed));
    }

    [Fact]
    public void Zero_width_characters_vanish_instead_of_splitting_words()
    {
        Assert.Equal("ha tinh", TextNormalizer.FoldForSearch("\uFEFFHà \u200BTĩ\u200Dnh"));
    }

    [Fact]
    public void ToNfc_composes_decomposed_text_and_keeps_composed_text_as_is()
    {
        var composed = "Hội Liên hiệp Phụ nữ";
        Assert.Same(composed, TextNormalizer.ToNfc(composed));
        Assert.Equal(composed, TextNormalizer.ToNfc(composed.Normalize(NormalizationForm.FormD)));
        Assert.Null(TextNormalizer.ToNfc(null));
    }
}
