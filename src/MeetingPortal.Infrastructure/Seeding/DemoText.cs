namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>
/// Short Vietnamese sentences for the demo history (<see cref="DemoHistorySeeder"/>), in the wording of the seed reports
/// (land, environment, roads, social policy, the unions' work), picked by a seeded random so the same seed gives the
/// same text. Record content, not interface text: it is stored in the records as a user would have typed it.
/// </summary>
internal sealed class DemoText(Random random)
{
    // Each matter with the index of its theme in reference.json's order (0 allowances, 1 budget, 2 facilities,
    // 3 members, 4 movements, 5 production, 6 welfare, 7 other).
    private static readonly (string Matter, int Theme)[] Matters =
    [
        ("sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ còn tồn đọng", 7),
        ("xử lý dứt điểm việc lấn chiếm hành lang giao thông trên các tuyến đường liên tổ dân phố", 7),
        ("nâng cấp tuyến đường nội thị đã xuống cấp, mùa mưa thường xuyên ngập úng", 2),
        ("xử lý ô nhiễm môi trường do rác thải sinh hoạt và nước thải chăn nuôi", 7),
        ("bố trí thêm điểm tập kết rác, tăng số lần thu gom rác thải trong tuần", 7),
        ("đầu tư hệ thống chiếu sáng và camera an ninh ở khu dân cư", 2),
        ("sửa chữa nhà văn hóa tổ dân phố đã xuống cấp", 2),
        ("quan tâm hỗ trợ kinh phí hoạt động cho chi hội ở tổ dân phố", 1),
        ("nâng mức phụ cấp cho chi hội trưởng, bí thư chi đoàn", 0),
        ("hỗ trợ hộ nghèo, hộ cận nghèo vay vốn phát triển sản xuất", 5),
        ("quan tâm chế độ cho hội viên cựu chiến binh có hoàn cảnh khó khăn", 6),
        ("đẩy nhanh tiến độ giải phóng mặt bằng, chi trả tiền bồi thường cho người dân", 7),
        ("có chính sách đào tạo nghề, giải quyết việc làm cho thanh niên", 6),
        ("hướng dẫn người dân sử dụng dịch vụ công trực tuyến", 4),
    ];

    private static readonly string[] Requests = ["Đề nghị", "Kiến nghị", "Đề xuất", "Đề nghị cấp ủy, chính quyền"];

    private static readonly string[] Opinions =
    [
        "Thời gian qua, công tác phối hợp giữa Mặt trận và các đoàn thể với chính quyền có nhiều chuyển biến tích cực.",
        "Hoạt động của các chi hội ở cơ sở còn gặp khó khăn về kinh phí và cơ sở vật chất.",
        "Việc giải quyết kiến nghị của Nhân dân có lúc còn chậm, chưa dứt điểm.",
        "Hội viên, đoàn viên tích cực tham gia phong trào xây dựng đô thị văn minh, giữ gìn vệ sinh môi trường.",
    ];

    private static readonly string[] Answers =
    [
        "Tiếp thu ý kiến, giao cơ quan chuyên môn rà soát và bố trí kinh phí trong dự toán năm sau.",
        "Tiếp thu, đã chỉ đạo bộ phận chuyên môn kiểm tra thực tế, xử lý trong quý này.",
        "Tiếp thu, sẽ lồng ghép vào kế hoạch đầu tư công trung hạn và thông báo kết quả đến tổ chức kiến nghị.",
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A recommendation's content and its theme's index in reference order.</summary>
    public (string Content, int Theme) Matter()
    {
        var (matter, theme) = Matters[random.Next(Matters.Length)];
        return ($"{Requests[random.Next(Requests.Length)]} {matter}.", theme);
    }

    /// <summary>A recommendation's content that names the place.</summary>
    public string Recommendation(string place) => $"{Matter().Content[..^1]} trên địa bàn {place}.";

    public static string Summary(string place) =>
        $"Thường trực cấp ủy {place} đối thoại với Mặt trận và các đoàn thể để nắm tâm tư, nguyện vọng của hội viên, đoàn viên và Nhân dân, trả lời các kiến nghị thuộc thẩm quyền.";

    public static string Report(string place) =>
        $"Báo cáo kết quả hoạt động của Mặt trận và các đoàn thể {place} trong tháng, tổng hợp ý kiến, kiến nghị của hội viên, đoàn viên và Nhân dân.";

    public string Opinion() => Pick(Opinions);

    public static string MeetingAnswer() => "Tiếp thu ý kiến tại hội nghị; giao các ngành liên quan phối hợp thực hiện.";

    public string Answer() => Pick(Answers);

    public static string Conclusion(string place) =>
        $"Đề nghị Mặt trận và các đoàn thể {place} tiếp tục nắm tình hình, phản ánh kịp thời tâm tư, nguyện vọng của Nhân dân; chính quyền giải quyết dứt điểm các kiến nghị đã tiếp thu.";

    public static string Task(string place) =>
        $"Mặt trận và các đoàn thể {place} giám sát việc thực hiện các nội dung đã tiếp thu tại hội nghị, báo cáo Thường trực cấp ủy.";
}
