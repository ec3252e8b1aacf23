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
}
