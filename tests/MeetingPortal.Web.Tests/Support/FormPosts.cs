namespace MeetingPortal.Web.Tests.Support;

public static class FormPosts
{
    /// <summary>Posts fields (a name may repeat, as checkboxes do) with the token of the page the form is on.</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string formPage, string action, params (string Name, string Value)[] fields)
    {
        var token = await client.GetAntiforgeryTokenAsync(formPage);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    /// <summary>
    /// Freezes the summary at <paramref name="summaryUrl"/> as a leader does: opens its confirmation (naming the unit and
    /// the period) and sends the form it shows.
    /// </summary>
    public static async Task<HttpResponseMessage> FreezeAsync(this HttpClient client, string summaryUrl)
    {
        var form = await HtmlForm.LoadAsync(client, summaryUrl + (summaryUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "confirmFreeze=true",
            "//form[@method='post' and contains(@class,'freeze-form')]");
        return await client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
    }
}
