using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    public partial class RecurringMatters : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RecurrenceOfId",
                table: "Recommendations",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_RecurrenceOfId",
                table: "Recommendations",
                column: "RecurrenceOfId");

            migrationBuilder.AddForeignKey(
                name: "FK_Recommendations_Recommendations_RecurrenceOfId",
                table: "Recommendations",
                column: "RecurrenceOfId",
                principalTable: "Recommendations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Recommendations_Recommendations_RecurrenceOfId",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_RecurrenceOfId",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "RecurrenceOfId",
                table: "Recommendations");
        }
    }
}
