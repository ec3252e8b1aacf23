using System.Security.Cryptography;

namespace MeetingPortal.Application.Administration;

/// <summary>
/// A one-time password an administrator hands to a user, who must replace it at first sign-in. It
/// meets the password policy (upper, lower, digit, symbol, 16 characters) and avoids look-alike letters.
/// </summary>
public static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "#@%+=?!";
    private const int Length = 16;

    public static string Create()
    {
        var all = Upper + Lower + Digits + Symbols;
        var characters = new List<char> { Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols) };
        while (characters.Count < Length)
        {
            characters.Add(Pick(all));
        }

        // Shuffle so the guaranteed classes are not always in the first four places.
        for (var i = characters.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (characters[i], characters[j]) = (characters[j], characters[i]);
        }

        return new string(characters.ToArray());
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
