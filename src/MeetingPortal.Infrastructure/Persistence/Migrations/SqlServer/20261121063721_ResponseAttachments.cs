using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    public partial class ResponseAttachments : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ResponseId",
                table: "Attachments",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ResponseId",
                table: "Attachments",
                column: "ResponseId");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_Responses_ResponseId",
                table: "Attachments",
                column: "ResponseId",
                principalTable: "Responses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_Responses_ResponseId",
                table: "Attachments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_ResponseId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "ResponseId",
                table: "Attachments");
        }
    }
}
