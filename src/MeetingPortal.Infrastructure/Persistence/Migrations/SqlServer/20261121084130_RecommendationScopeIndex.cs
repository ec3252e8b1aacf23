using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    public partial class RecommendationScopeIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_MeetingId_Status_DueOn",
                table: "Recommendations",
                columns: new[] { "MeetingId", "Status", "DueOn" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_MeetingId_Status_DueOn",
                table: "Recommendations");
        }
    }
}
