using Microsoft.Playwright;

namespace MeetingPortal.Web.Tests.Browser;

public static class KeyboardExtensions
{
    /// <summary>Presses Tab until the element has focus, as a keyboard user would; fails if it never gets there.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 400)
    {
        var handle = await target.ElementHandleAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            if (await page.EvaluateAsync<bool>("e => e === document.activeElement", handle))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {target}.");
    }

    public static async Task TabAndTypeAsync(this IPage page, ILocator target, string text)
    {
        await page.TabToAsync(target);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>The element that has focus now types the text (after a row button, focus lands on the new row).</summary>
    public static async Task TypeHereAsync(this IPage page, ILocator expectedFocus, string text)
    {
        await Assertions.Expect(expectedFocus).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(text);
    }
}
