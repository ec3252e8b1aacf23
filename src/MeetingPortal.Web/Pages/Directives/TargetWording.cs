using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Directives;

/// <summary>
/// A task's target (chỉ tiêu, issue 16 deliver 6) in words, one wording for the task's page, the meeting's page and the
/// minutes: "Tỷ lệ …: từ 90 đến 95 %", "…: đạt 100 %", "…: không quá 2 %".
/// </summary>
public static class TargetWording
{
    /// <summary>
    /// The target as a sentence part.
    /// </summary>
    /// <param name="localizer">The portal's texts (Directives.TargetRange / TargetAtLeast / TargetAtMost).</param>
    /// <param name="measure">What is measured, as the task states it.</param>
    /// <param name="low">The value to reach, in <paramref name="unit"/>, or null for a ceiling only.</param>
    /// <param name="high">The most allowed (or the range's top), or null.</param>
    /// <param name="unit">"%", "hộ", …; null when the measure has none.</param>
    public static string Of(IStringLocalizer localizer, string measure, double? low, double? high, string? unit)
    {
        var suffix = unit is null ? string.Empty : " " + unit;
        var bounds = (low, high) switch
        {
            ({ } l, { } h) => localizer["Directives.TargetRange", Number(l)!, Number(h) + suffix].Value,
            ({ } l, null) => localizer["Directives.TargetAtLeast", Number(l) + suffix].Value,
            (null, { } h) => localizer["Directives.TargetAtMost", Number(h) + suffix].Value,
            _ => string.Empty,
        };
        return $"{measure}: {bounds}";
    }

    /// <summary>A value as Vietnamese is written (decimal comma, at most two decimals), or null.</summary>
    public static string? Number(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
