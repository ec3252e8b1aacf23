using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>
/// The idempotent SQL Server script a DBA runs (README, "SQL Server"), made here as
/// <c>dotnet ef migrations script --idempotent</c> makes it, and read with SQL Server's own parser:
/// no SQL Server runs on these machines, so this is how its migrations are checked.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static readonly Lazy<IReadOnlyList<string>> Batches = new(() =>
    {
        using var db = new SqlServerMeetingPortalDbContext(new DbContextOptionsBuilder<SqlServerMeetingPortalDbContext>().UseSqlServer("Server=none;Database=none").Options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        return SqlBatches.Split(script);
    });

    [Fact]
    public void Every_batch_of_the_idempotent_script_parses()
    {
        Assert.True(Batches.Value.Count > 10);
        var failures = Batches.Value
            .Select((batch, index) => (index, errors: SqlBatches.Parse(batch).Errors))
            .Where(b => b.errors.Count > 0)
            .Select(b => $"batch {b.index}: " + string.Join("; ", b.errors.Select(e => $"line {e.Line}: {e.Message}")))
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// SQL Server compiles a whole batch before running it, so a statement that reads or writes a column the
    /// same batch adds fails with "Invalid column name" on every database older than that migration (the
    /// FirstAnsweredOn backfill did, dotnet/efcore#35426). Hand-written SQL that needs a new column goes in EXEC.
    /// </summary>
    [Fact]
    public void No_batch_uses_a_column_it_adds_in_a_statement_compiled_with_the_batch()
    {
        var failures = new List<string>();
        for (var i = 0; i < Batches.Value.Count; i++)
        {
            var found = SqlBatches.ColumnsAddedAndUsed(Batches.Value[i]);
            failures.AddRange(found.Select(column => $"batch {i} adds and uses {column}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_check_finds_an_update_of_a_column_added_in_the_same_batch()
    {
        const string batch = """
            ALTER TABLE [Recommendations] ADD [FirstAnsweredOn] date NULL;
            UPDATE Recommendations SET FirstAnsweredOn = (SELECT MIN(r.RespondedOn) FROM Responses r WHERE r.RecommendationId = Recommendations.Id)
            """;
        const string deferred = """
            ALTER TABLE [Recommendations] ADD [FirstAnsweredOn] date NULL;
            CREATE INDEX [IX_Recommendations_FirstAnsweredOn] ON [Recommendations] ([FirstAnsweredOn]);
            EXEC(N'UPDATE Recommendations SET FirstAnsweredOn = (SELECT MIN(r.RespondedOn) FROM Responses r WHERE r.RecommendationId = Recommendations.Id)')
            """;

        Assert.Equal(["Recommendations.FirstAnsweredOn"], SqlBatches.ColumnsAddedAndUsed(batch));
        Assert.Empty(SqlBatches.ColumnsAddedAndUsed(deferred));
    }
}

/// <summary>Reads a T-SQL script the way sqlcmd and SSMS run it: batch by batch.</summary>
internal static class SqlBatches
{
    public static IReadOnlyList<string> Split(string script) =>
        System.Text.RegularExpressions.Regex.Split(script.ReplaceLineEndings("\n"), @"^\s*GO\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Where(b => !string.IsNullOrWhiteSpace(b))
            .ToList();

    public static (TSqlFragment? Fragment, IList<ParseError> Errors) Parse(string batch)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(batch);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, errors);
    }

    /// <summary>"Table.Column" for each column an ALTER TABLE ... ADD of the batch adds and a DML statement of the same batch names.</summary>
    public static IReadOnlyList<string> ColumnsAddedAndUsed(string batch)
    {
        var (fragment, errors) = Parse(batch);
        if (fragment is null || errors.Count > 0)
        {
            throw new InvalidOperationException("The batch does not parse: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        var visitor = new AddedAndUsedColumns();
        fragment.Accept(visitor);
        return visitor.Added
            .Where(added => visitor.Used.Contains(added.Column))
            .Select(added => $"{added.Table}.{added.Column}")
            .Distinct()
            .ToList();
    }

    private sealed class AddedAndUsedColumns : TSqlFragmentVisitor
    {
        public List<(string Table, string Column)> Added { get; } = [];

        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                Added.Add((node.SchemaObjectName.BaseIdentifier.Value, column.ColumnIdentifier.Value));
            }
        }

        // DDL such as CREATE INDEX is compiled when it runs; DML is compiled with the batch.
        public override void Visit(DataModificationStatement node) => Collect(node);

        public override void Visit(SelectStatement node) => Collect(node);

        private void Collect(TSqlFragment statement) => statement.Accept(new ColumnNames(Used));
    }

    private sealed class ColumnNames(HashSet<string> names) : TSqlFragmentVisitor
    {
        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { Count: > 0 } identifier)
            {
                names.Add(identifier.Identifiers[^1].Value);
            }
        }
    }
}
