using System.Security.Claims;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>Runs a use case as the portal does, in its own scope, for a demo account as its sign-in cookie describes it.</summary>
internal static class UseCases
{
    /// <summary>Resolves <typeparamref name="TUseCase"/> in a fresh scope and calls it for account <paramref name="userName"/>.</summary>
    public static async Task<TResult> RunAsync<TUseCase, TResult>(this PortalFactory factory, string userName, Func<TUseCase, ClaimsPrincipal, Task<TResult>> call)
        where TUseCase : notnull
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(account);
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>(), principal);
    }
}
