using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>Nothing changes on SQL Server, which searches by scanning the folded text; the migration keeps both providers' lists alike (SQLite adds its FTS5 index here).</summary>
    public partial class MeetingSearchIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
