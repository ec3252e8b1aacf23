using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Recommendations;

/// <summary>
/// A unit's model answer (mẫu trả lời) that a responder or tracker starts a reply from, as the seeds repeat one sentence
/// for several recommendations ("BTV Thành ủy tiếp thu và tiếp tục tìm các phương án giải quyết", Hà Tĩnh city, 16/3/2022).
/// Kept per unit, read by that unit and the units below it (issue 18 part 4, ADR 0025 section 4). Using one copies its text
/// into the form, where it may be changed: a reply never points back at its template.
/// </summary>
public class AnswerTemplate : Entity
{
    /// <summary>Longest name, in characters.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Longest text, in characters: a reply's own limit (<see cref="Response.ContentMaxLength"/>), since it becomes one.</summary>
    public const int TextMaxLength = Response.ContentMaxLength;

    /// <summary>A template of unit <paramref name="unitId"/> named <paramref name="name"/> with <paramref name="text"/> (both trimmed).</summary>
    /// <exception cref="DomainException">"template.name" or "template.text": blank or too long.</exception>
    public AnswerTemplate(int unitId, string name, string text)
    {
        UnitId = unitId;
        Name = Checked(name, NameMaxLength, "template.name");
        Text = Checked(text, TextMaxLength, "template.text");
    }

    /// <summary>The unit that keeps it; its units below read it too.</summary>
    public int UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    /// <summary>The name it is chosen by, e.g. "Tiếp thu, tiếp tục tìm phương án".</summary>
    public string Name { get; private set; }

    /// <summary>The answer's text, copied into a reply's content when used.</summary>
    public string Text { get; private set; }

    /// <summary>Changes name and text. Errors as the constructor's.</summary>
    public void Change(string name, string text)
    {
        var checkedName = Checked(name, NameMaxLength, "template.name");
        Text = Checked(text, TextMaxLength, "template.text");
        Name = checkedName;
    }

    private static string Checked(string? value, int max, string code) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max
            ? throw new DomainException(code, $"A template's {code[9..]} is required and at most {max} characters.")
            : value.Trim();
}
