using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// An FTS5 index over MeetingSearch.Text (already folded: the tokenizer only splits on spaces), kept
    /// in step by triggers whatever writes the text: pages, import, the generator, the start-up refill.
    /// </summary>
    public partial class MeetingSearchIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MeetingSearchIndex" USING fts5("Text", content='MeetingSearch', content_rowid='MeetingId', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MeetingSearch_Inserted" AFTER INSERT ON "MeetingSearch" BEGIN
                    INSERT INTO "MeetingSearchIndex"(rowid, "Text") VALUES (new."MeetingId", new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MeetingSearch_Deleted" AFTER DELETE ON "MeetingSearch" BEGIN
                    INSERT INTO "MeetingSearchIndex"("MeetingSearchIndex", rowid, "Text") VALUES ('delete', old."MeetingId", old."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MeetingSearch_Updated" AFTER UPDATE ON "MeetingSearch" BEGIN
                    INSERT INTO "MeetingSearchIndex"("MeetingSearchIndex", rowid, "Text") VALUES ('delete', old."MeetingId", old."Text");
                    INSERT INTO "MeetingSearchIndex"(rowid, "Text") VALUES (new."MeetingId", new."Text");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "MeetingSearchIndex"("MeetingSearchIndex") VALUES ('rebuild');""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "MeetingSearch_Updated";""");
            migrationBuilder.Sql("""DROP TRIGGER "MeetingSearch_Deleted";""");
            migrationBuilder.Sql("""DROP TRIGGER "MeetingSearch_Inserted";""");
            migrationBuilder.Sql("""DROP TABLE "MeetingSearchIndex";""");
        }
    }
}
