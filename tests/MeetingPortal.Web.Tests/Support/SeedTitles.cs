namespace MeetingPortal.Web.Tests.Support;

/// <summary>Titles of the five seed meetings, as the lists show them.</summary>
public static class SeedTitles
{
    public const string TpHaTinh = "Thường trực Thành ủy đối thoại trực tuyến với Ban Thường trực Ủy ban MTTQ và ban thường vụ các đoàn thể thành phố, phường, xã";
    public const string KyPhuong = "Đảng ủy phường Kỳ Phương đối thoại với MTTQ, các tổ chức đoàn thể chính trị xã hội phường và các chi hội, chi đoàn các tổ dân phố";
    public const string HongLinh = "Thường trực Thị ủy giao ban với Thường trực Ủy ban MTTQ và các đoàn thể chính trị - xã hội 6 tháng đầu năm 2022";
    public const string District = "Thường trực Huyện ủy làm việc với MTTQ và các Đoàn thể chính trị - xã hội và hội đặc thù cấp huyện";
    public const string Hue = "Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024";
}
