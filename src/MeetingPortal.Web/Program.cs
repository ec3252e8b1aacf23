using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using FluentValidation;
using MeetingPortal.Infrastructure;
using MeetingPortal.Infrastructure.Health;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

var serilog = ConfigureLogging(builder);

builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);

// Keys live in the database, so sign-ins survive restarts and every server on that database shares them
// (keys of the old <data>/keys folder are copied in at the first start: DatabaseInitializer).
var dataProtection = builder.Services.AddDataProtection()
    .SetApplicationName("MeetingPortal")
    .PersistKeysToDbContext<MeetingPortalDbContext>();

// Stored keys are plain XML; with a certificate configured they are encrypted at rest.
if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
{
    dataProtection.ProtectKeysWithCertificate(
        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificatePath, builder.Configuration["DataProtection:CertificatePassword"]));
}
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();

builder.Services
    .AddIdentity<ApplicationUser, IdentityRole>(options =>
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        // No account is locked by wrong passwords (anyone could lock out an administrator): the client that
        // guesses is slowed instead (PasswordThrottle, docs/security.md).
        options.Lockout.AllowedForNewUsers = false;
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<MeetingPortalDbContext>()
    .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();

// A deactivated account, a role change or a merged unit reaches open sessions within a minute.
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

// The sign-in cookie is HTTPS-only outside Development; the development server runs on plain HTTP.
var cookieSecurity = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
    ? CookieSecurePolicy.SameAsRequest
    : CookieSecurePolicy.Always;
// The antiforgery and message cookies are Secure whenever the request is: "Always" would make every form answer
// 500 on a server reached over plain HTTP (a proxy without X-Forwarded-Proto), where sign-in cannot work anyway.
builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
builder.Services.Configure<PortalIdentityOptions>(builder.Configuration.GetSection(PortalIdentityOptions.Section));
builder.Services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/SignIn";
    options.LogoutPath = "/Account/SignOut";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.Name = "MeetingPortal.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = cookieSecurity;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
    // A signed-in user without the role gets a 403 answer (shown by the status page), not a redirect.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});

// The ticket stays on the server and the cookie carries its key: sign-out ends the session for any copy of the cookie.
builder.Services.AddSingleton<DatabaseTicketStore>();
builder.Services.AddSingleton<GeneratedDocumentCache>();
// The minutes' DOCX is written in the web layer (OpenXML, the pages' view of the record); approving them keeps it (ADR 0019).
builder.Services.AddScoped<MeetingPortal.Web.Pages.Meetings.MinutesGenerator>();
builder.Services.AddScoped<MeetingPortal.Application.Meetings.IMinutesDocuments>(services => services.GetRequiredService<MeetingPortal.Web.Pages.Meetings.MinutesGenerator>());
builder.Services.AddScoped<MeetingPortal.Web.Pages.Meetings.ResultsDocumentWriter>();
builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
builder.Services.AddScoped<PasswordSignIn>();
builder.Services.AddScoped<ChangeOwnPassword>();

// Password guessing is slowed per client address here, and per client and account name by PasswordThrottle.
var signInAttemptsPerMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // The window is a minute: say so, as the wait after wrong passwords does.
    options.OnRejected = (context, _) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        return ValueTask.CompletedTask;
    };
    options.AddPolicy(SignInRateLimit.Policy, context => HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = signInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
        : RateLimitPartition.GetNoLimiter("reads"));
});

// Behind a load balancer or reverse proxy the client's address (what the limits above count by) comes from
// X-Forwarded-For, believed only from the proxies listed in Security:KnownProxies (docs/operations.md).
var knownProxies = builder.Configuration.GetSection("Security:KnownProxies").Get<string[]>() ?? [];
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    options.KnownProxies.Clear();
    options.KnownIPNetworks.Clear();
    foreach (var proxy in knownProxies)
    {
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});

builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddApplication();

// Vietnamese letters go out as themselves, not as &#x...; (HTML-significant characters are still encoded).
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
// The summary's drawn tables are kept per cached summary (ADR 0016); 32 MB holds a few hundred of them.
builder.Services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(options => options.SizeLimit = 32 * 1024 * 1024);
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.ConfigureFilter(new PasswordChangeFilter());
        options.Conventions.Add(new RaiserPages());
    })
    .AddMvcOptions(options =>
    {
        // Registered with its order: a global filter added by type is sorted by the order given here.
        options.Filters.Add<RequestLimitFilter>(RequestLimitFilter.FilterOrder);
        options.Filters.Add<UnknownHandlerFilter>();
        options.Filters.Add<OpenConnectionFilter>();
        options.Filters.Add<OneTimeFormFilter>();
        // Before MVC's own, which would keep a tampered checkbox's value for the page to trip on.
        options.ModelBinderProviders.Insert(0, new BooleanBinderProvider());
        options.ModelBinderProviders.Insert(0, new EnumBinderProvider());
    })
    // No client-side validation library reads data-val-* (the form's own validator checks as typed, ADR 0022): without
    // this the markup carried MVC's English "The … field is required." for every number and date box.
    .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>((options, localizer) =>
{
    // Validators own "required" (in Vietnamese); MVC's implicit English one would pre-empt them.
    options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    var messages = options.ModelBindingMessageProvider;
    // A handler's own parameter (an id in a hidden field or the query) has no label: its message then names no field
    // rather than reading "Vui lòng nhập ." (issue 17 trial). Nor does a property without a Display name, whose C# name
    // MVC would pass instead ("… không hợp lệ cho DueOn.", issue 18 trial): UnlabelledFieldsProvider makes it empty.
    options.ModelMetadataDetailsProviders.Add(new UnlabelledFieldsProvider());
    string Named(string withField, string withoutField, string field, params object[] values) =>
        string.IsNullOrWhiteSpace(field) ? localizer[withoutField, values] : localizer[withField, [.. values, field]];
    messages.SetValueIsInvalidAccessor(value => localizer["Binding.ValueIsInvalid", value]);
    messages.SetAttemptedValueIsInvalidAccessor((value, field) => Named("Binding.AttemptedValueIsInvalid", "Binding.ValueIsInvalid", field, value));
    messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Binding.ValueIsInvalid", value]);
    messages.SetValueMustBeANumberAccessor(field => Named("Binding.MustBeNumber", "Binding.MustBeNumberNoField", field));
    messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Binding.MustBeNumberNoField"]);
    messages.SetMissingBindRequiredValueAccessor(field => Named("Binding.Required", "Binding.RequiredNoField", field));
    messages.SetMissingKeyOrValueAccessor(() => localizer["Binding.RequiredNoField"]);
    messages.SetValueMustNotBeNullAccessor(field => Named("Binding.Required", "Binding.RequiredNoField", field));
    messages.SetUnknownValueIsInvalidAccessor(field => Named("Binding.UnknownInvalid", "Binding.UnknownInvalidNoField", field));
    messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Binding.UnknownInvalidNoField"]);
    messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Binding.RequiredNoField"]);
});
// Validators are called by the pages (FluentValidation.AspNetCore's auto-validation is not used: ADR 0009).
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
builder.Services.AddScoped<NotificationCounter>();
builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.SectionName));
builder.Services.AddScoped<EmailNotificationSender>();
builder.Services.AddHostedService<EmailNotificationService>();

var supportedCultures = new[] { new CultureInfo("vi-VN"), new CultureInfo("en-US") };
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.DefaultRequestCulture = new RequestCulture("vi-VN");
    options.SupportedCultures = supportedCultures;
    options.SupportedUICultures = supportedCultures;
    // Vietnamese first: the browser's Accept-Language does not switch the portal to English.
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

var app = builder.Build();

if (knownProxies.Length > 0)
{
    app.UseForwardedHeaders();
}

// FluentValidation's built-in rules speak from the portal's catalogue, in the request's UI culture.
MeetingPortal.Application.Common.ValidationMessages.UseEverywhere();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

// One line per request; the path only (IncludeQueryInRequestPath stays false): query strings carry names and search words.
app.UseSerilogRequestLogging(options =>
{
    options.Logger = serilog;
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
    // A load balancer asks /health/* every few seconds on every server: those lines are Debug, not Information.
    options.GetLevel = (context, _, exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? Serilog.Events.LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? Serilog.Events.LogEventLevel.Debug
        : Serilog.Events.LogEventLevel.Information;
});
// A request the browser gave up on (a field's check replaced by a newer one, a page left) is not a server error: it
// is logged as 499, client closed request, not as a 500 with its cancellation's stack (issue 17 trial: 78 such lines).
app.Use(async (context, next) =>
{
    try
    {
        await next(context);
    }
    catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
    {
        context.Response.StatusCode = 499;
    }
});
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseMiddleware<DatabaseUnavailableMiddleware>();
// Inside the status pages and the database check, so an answer they clear and render again still gets the header.
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

// Liveness runs no check (the process answers; a restart would not mend the database); readiness is what
// a load balancer asks: the database answers and this server has finished its start work. /health is every check.
// GET and HEAD only, as the probes use them; another method finds no endpoint here (405, or sign-in for an anonymous caller).
var health = app.MapGroup("/health").AllowAnonymous().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
health.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false });
health.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
health.MapHealthChecks(string.Empty);
app.MapRazorPages();

bool initialized;
await using (var scope = app.Services.CreateAsyncScope())
{
    initialized = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

// The demo history's official reports go through the leaders' use cases, which live above the initializer (ADR 0024).
if (initialized && !CommandLine.IsCommand(args)
    && app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SeedingOptions>>().Value.DemoData is { Enabled: true, History: true })
{
    await DemoReports.WriteAsync(app.Services, app.Logger, CancellationToken.None);
}

if (CommandLine.IsCommand(args))
{
    if (!initialized)
    {
        await Console.Error.WriteLineAsync("The database lacks migrations of this version; apply them first (README, \"SQL Server\").");
        return 1;
    }

    return await CommandLine.RunAsync(app.Services, args, Console.Out);
}

await app.RunAsync();
return 0;

static Serilog.ILogger ConfigureLogging(WebApplicationBuilder builder)
{
    // Relative log paths in appsettings are made relative to the data directory, not the shell's folder.
    var dataDirectory = DataDirectory(builder);
    foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
    {
        var path = sink["Args:path"];
        if (path is not null && !Path.IsPathRooted(path))
        {
            builder.Configuration[$"{sink.Path}:Args:path"] = Path.Combine(dataDirectory, path);
        }
    }

    // The request logging is handed this logger itself: without it, it wrote no line (PACKAGES.md, issue 12).
    var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
    builder.Services.AddSerilog(logger, dispose: true);
    return logger;
}

static string DataDirectory(WebApplicationBuilder builder) =>
    StorageOptions.ResolveDataDirectory(builder.Configuration, builder.Environment.ContentRootPath);

/// <summary>Entry point; public so that WebApplicationFactory can start the portal in tests.</summary>
public partial class Program;
