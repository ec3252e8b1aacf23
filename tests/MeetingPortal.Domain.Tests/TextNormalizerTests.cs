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

public sealed class TextSimilarityTests
{
    [Fact]
    public void Texts_about_the_same_matter_score_higher_than_unrelated_ones()
    {
        const string allowances = "Do chế độ phụ cấp theo Nghị định 34 thấp nên đề nghị có giải pháp hỗ trợ cán bộ";
        const string alike = "đội ngũ cán bộ cơ sở kiêm nhiệm nhiều chức danh trong khi phụ cấp thấp";
        const string unrelated = "Đề nghị thành lập quỹ khuyến học khuyến tài";
        Assert.True(TextSimilarity.Score(allowances, alike) > TextSimilarity.Score(allowances, unrelated));
        Assert.Equal(1.0, TextSimilarity.Score(allowances, allowances.ToUpperInvariant()), 3);
        Assert.Equal(0.0, TextSimilarity.Score(allowances, ""));
    }
}
