namespace MeetingPortal.DataGenerator;

/// <summary>Names and sentences with Vietnamese diacritics, put together from small pools by a seeded random.</summary>
public sealed class VietnameseText(Random random)
{
    private static readonly string[] PlaceSyllables =
    [
        "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Hưng", "Đông", "Tây", "Nam", "Bắc", "Thuận", "Lộc", "Phước", "Quang",
        "Trung", "Mỹ", "Vĩnh", "Hải", "Sơn", "Thủy", "Cẩm", "Kỳ", "Đức", "Hương", "Thạch", "Xuân", "Yên", "Thịnh", "Lạc", "Hồng",
    ];

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu"];
    private static readonly string[] GivenNames =
    [
        "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Lan", "Linh", "Long", "Mai", "Nam", "Nga",
        "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Tuấn", "Vân", "Yến", "Đạt", "Khánh", "Lợi",
    ];

    private static readonly string[] Requests = ["Đề nghị", "Kiến nghị", "Đề xuất", "Mong muốn", "Đề nghị cấp ủy, chính quyền"];

    private static readonly string[] Matters =
    [
        "quan tâm hỗ trợ kinh phí hoạt động cho chi hội ở thôn, tổ dân phố",
        "nâng mức phụ cấp cho chi hội trưởng, bí thư chi đoàn",
        "sớm sửa chữa nhà văn hóa thôn đã xuống cấp",
        "bố trí trang thiết bị làm việc cho Mặt trận và các đoàn thể",
        "giải quyết dứt điểm tình trạng ngập úng trên tuyến đường liên xã",
        "hỗ trợ nông dân chuyển đổi cơ cấu cây trồng, tiêu thụ nông sản",
        "tăng cường quản lý đất đai, xử lý vi phạm lấn chiếm hành lang giao thông",
        "có chính sách đào tạo nghề, giải quyết việc làm cho thanh niên",
        "quan tâm chế độ cho hội viên cựu chiến binh có hoàn cảnh khó khăn",
        "đầu tư hệ thống chiếu sáng và camera an ninh ở khu dân cư",
        "sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ còn tồn đọng",
        "xử lý ô nhiễm môi trường do rác thải sinh hoạt và chăn nuôi",
        "hỗ trợ phụ nữ vay vốn phát triển kinh tế hộ gia đình",
        "tăng cường công tác phòng chống tệ nạn xã hội trong thanh thiếu niên",
        "đẩy nhanh tiến độ giải phóng mặt bằng các dự án trên địa bàn",
        "quan tâm cơ sở vật chất trường học, nhất là điểm trường lẻ",
        "thực hiện chuyển đổi số, hướng dẫn người dân dùng dịch vụ công trực tuyến",
        "nâng cao chất lượng khám chữa bệnh tại trạm y tế",
    ];

    private static readonly string[] Places = ["trên địa bàn", "ở các thôn, tổ dân phố", "tại khu dân cư", "ở vùng bãi ngang", "trong thời gian tới", "từ năm sau"];

    private static readonly string[] Answers =
    [
        "Tiếp thu ý kiến, giao cơ quan chuyên môn rà soát và bố trí kinh phí trong dự toán năm sau.",
        "Giải trình: nội dung thuộc thẩm quyền cấp trên, đã tổng hợp báo cáo để xem xét.",
        "Đang phối hợp các ngành liên quan khảo sát, đề xuất phương án xử lý.",
        "Đã hoàn thành, kết quả đã thông báo đến tổ chức kiến nghị.",
        "Chưa thể thực hiện do không có nguồn kinh phí; sẽ xem xét khi điều kiện cho phép.",
    ];

    private static readonly string[] Opinions =
    [
        "Thời gian qua, công tác phối hợp giữa Mặt trận và các đoàn thể với chính quyền có nhiều chuyển biến tích cực.",
        "Hoạt động của các chi hội ở cơ sở còn gặp nhiều khó khăn về kinh phí và cơ sở vật chất.",
        "Đời sống hội viên, đoàn viên từng bước được cải thiện, phong trào thi đua được duy trì.",
        "Việc giải quyết kiến nghị của cử tri có lúc còn chậm, chưa dứt điểm.",
    ];

    private static readonly string[] Tasks =
    [
        "Giao Ủy ban nhân dân chỉ đạo rà soát, giải quyết các kiến nghị thuộc thẩm quyền, báo cáo kết quả trong quý tới.",
        "Giao Ban Dân vận theo dõi, đôn đốc việc thực hiện các nội dung đã tiếp thu tại hội nghị.",
        "Mặt trận và các đoàn thể tiếp tục nắm tình hình, phản ánh kịp thời tâm tư, nguyện vọng của nhân dân.",
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string PlaceName() => $"{Pick(PlaceSyllables)} {Pick(PlaceSyllables)}";

    public string PersonName() => $"{Pick(Surnames)} {Pick(MiddleNames)} {Pick(GivenNames)}";

    public string Recommendation(string place) => $"{Pick(Requests)} {Pick(Matters)} {Pick(Places)} {place}.";

    /// <summary>A matter raised again: the same request, worded a little differently.</summary>
    public static string Repeat(string earlier) => $"Tiếp tục {char.ToLowerInvariant(earlier[0])}{earlier[1..]} Nội dung này đã kiến nghị nhưng chưa được giải quyết.";

    public string Answer() => Pick(Answers);

    public string Opinion() => Pick(Opinions);

    public string Task() => Pick(Tasks);
}
