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

/// <summary>Issue 17, deliver 6: what a search matched, found in the text as written, for the result lists to mark.</summary>
public sealed class SearchMatchTests
{
    private static List<string> Marked(string text, string typed) =>
        TextNormalizer.FindMatches(text, TextNormalizer.SearchTerms(typed)).Select(m => text.Substring(m.Start, m.Length)).ToList();

    [Fact]
    public void Folded_words_are_found_in_the_text_as_written_whole_words_from_their_start()
    {
        Assert.Equal(["Hà", "Tĩnh", "tỉnh", "Hà", "Tĩnh"], Marked("MTTQ TP Hà Tĩnh và tỉnh Hà Tĩnh", "ha tinh"));
        Assert.Equal(["Hà Tĩnh", "Hà Tĩnh"], Marked("MTTQ TP Hà Tĩnh và tỉnh Hà Tĩnh", "\"ha tinh\""));
        Assert.Equal(["Đảng", "ủy"], Marked("Đảng ủy phường Kỳ Phương", "DANG UY"));
        // From a word's start only, and the word marked whole when typed cut short.
        Assert.Equal(["Khuyến"], Marked("Quỹ Khuyến học", "khuy"));
        Assert.Empty(Marked("Quỹ Khuyến học", "uyen"));
    }

    [Fact]
    public void A_quoted_phrase_is_marked_as_one_and_only_where_its_words_stand_together()
    {
        Assert.Equal(["Nghị định 34"], Marked("Phụ cấp theo Nghị định 34, nghị quyết", "\"nghi dinh 34\""));
        Assert.Empty(Marked("định nghị 34", "\"nghi dinh\""));
    }

    [Fact]
    public void Decomposed_text_keeps_its_marks_inside_the_highlight()
    {
        var decomposed = "Thừa Thiên Huế".Normalize(NormalizationForm.FormD);
        var found = Marked(decomposed, "hue");
        Assert.Equal(["Huế".Normalize(NormalizationForm.FormD)], found);
    }

    [Fact]
    public void Nothing_typed_or_surrogates_in_the_text_mark_nothing_and_break_nothing()
    {
        Assert.Empty(Marked("Hà Tĩnh", ""));
        Assert.Equal(["Hà"], Marked("😀Hà😀", "ha"));
    }

    [Fact]
    public void Search_terms_fold_words_keep_quoted_phrases_and_drop_repeats()
    {
        Assert.Equal(["ha", "tinh", "quy khuyen"], TextNormalizer.SearchTerms("Hà TĨNH ha \"Quỹ  Khuyến\""));
        Assert.Equal(TextNormalizer.MaxSearchTerms, TextNormalizer.SearchTerms(string.Join(' ', Enumerable.Range(0, 30).Select(i => "w" + i))).Count);
    }
}
