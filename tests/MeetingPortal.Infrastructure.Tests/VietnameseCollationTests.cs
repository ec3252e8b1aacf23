using System.Text;
using MeetingPortal.Domain.Common;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>
/// ADR 0021: the database orders names by <see cref="VietnameseOrder.CollationName"/> ("Vietnamese_CI_AS"). SQLite has
/// no such collation of its own; <see cref="VietnameseCollation"/> registers it on every connection the SQLite context
/// opens, comparing as <see cref="VietnameseOrder.NamesIgnoringCase"/>. SQL Server has the real one.
/// </summary>
public sealed class VietnameseCollationTests
{
    private static readonly string[] Names =
    [
        "Đảng ủy phường Kỳ Phương", "Ủy ban nhân dân phường", "Tỉnh ủy Hà Tĩnh", "Hội Nông dân xã", "ăn ở", "âm thanh",
        "anh em", "bàn bạc", "cử tri", "dân vận", "đất đai", "em út", "ê-kíp", "Ưu đãi", "Ý kiến",
    ];

    [Fact]
    public void Sqlite_orders_by_the_collation_a_a_a_b_c_d_d_e_e_as_VietnameseOrder_does()
    {
        using var database = new TestDatabase();
        using var db = database.NewContext();
        // The names as parameters, given in reverse so the order found is not the order given.
        var rows = "SELECT column1 AS \"Value\" FROM (VALUES " + string.Join(", ", Names.Select((_, i) => "({" + i + "})")) + ")";

        var ordered = db.Database.SqlQueryRaw<string>(rows, Names.Reverse().Cast<object>().ToArray())
            .OrderBy(v => EF.Functions.Collate(v, VietnameseOrder.CollationName)).ToList();

        string[] expected =
        [
            "anh em", "ăn ở", "âm thanh", "bàn bạc", "cử tri", "dân vận", "Đảng ủy phường Kỳ Phương", "đất đai", "em út", "ê-kíp",
            "Hội Nông dân xã", "Tỉnh ủy Hà Tĩnh", "Ủy ban nhân dân phường", "Ưu đãi", "Ý kiến",
        ];
        Assert.Equal(expected, ordered);
        Assert.Equal(Names.Order(VietnameseOrder.Names), ordered);
    }

    [Fact]
    public void The_sqlite_collation_ignores_case_and_the_form_of_a_letter_but_not_its_tone()
    {
        using var database = new TestDatabase();
        using var db = database.NewContext();
        int Equal(string a, string b) => db.Database
            .SqlQueryRaw<int>("SELECT CASE WHEN {0} = {1} COLLATE Vietnamese_CI_AS THEN 1 ELSE 0 END AS \"Value\"", a, b).AsEnumerable().Single();

        Assert.Equal(1, Equal("ĐẢNG ỦY", "đảng ủy"));
        Assert.Equal(1, Equal("Kỳ Phương", "Kỳ Phương".Normalize(NormalizationForm.FormD)));
        Assert.Equal(0, Equal("ma", "má"));
    }

    [Fact]
    public void Sql_server_orders_by_its_own_collation_of_the_same_name()
    {
        using var db = new SqlServerMeetingPortalDbContext(new DbContextOptionsBuilder<SqlServerMeetingPortalDbContext>().UseSqlServer("Server=none;Database=none").Options);

        var sql = db.Organisations.OrderBy(o => EF.Functions.Collate(o.Name, VietnameseOrder.CollationName)).ThenBy(o => o.Id).ToQueryString();

        Assert.Contains("ORDER BY [o].[Name] COLLATE Vietnamese_CI_AS, [o].[Id]", sql, StringComparison.Ordinal);
    }
}
