using System.Data.Common;
using MeetingPortal.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// Registers <see cref="VietnameseOrder.CollationName"/> ("Vietnamese_CI_AS") on SQLite connections, so a query that
/// orders by <c>EF.Functions.Collate(name, VietnameseOrder.CollationName)</c> sorts names as Vietnamese readers expect
/// (a ă â b c d đ e ê …, case ignored) instead of SQLite's code-point order that puts "Đ" after "T" (ADR 0021). SQL
/// Server has a real collation of that name and needs nothing. A SQLite collation lives on one open connection, so the
/// interceptor registers it each time EF opens one; <see cref="SqliteMeetingPortalDbContext"/> adds it to its own
/// options, so the portal, the tests, the data generator and the design-time factory all get it.
/// </summary>
public sealed class VietnameseCollation : DbConnectionInterceptor
{
    /// <summary>The one instance; it holds no state.</summary>
    public static readonly VietnameseCollation Interceptor = new();

    private VietnameseCollation()
    {
    }

    /// <summary>
    /// Registers the collation on <paramref name="connection"/> if it is an open SQLite connection (others are left
    /// alone); for code that opens its own connections, such as the benchmark's hand-written SQL.
    /// </summary>
    public static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            // SQLite never passes NULL to a collation (NULLs sort first on their own); the comparer accepts it anyway.
            sqlite.CreateCollation(VietnameseOrder.CollationName, (a, b) => VietnameseOrder.NamesIgnoringCase.Compare(a, b));
        }
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }
}
