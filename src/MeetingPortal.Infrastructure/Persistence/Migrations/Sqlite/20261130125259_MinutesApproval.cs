using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MinutesApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MinutesApprovals",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScanFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScanType = table.Column<int>(type: "INTEGER", nullable: false),
                    ScanSizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ScanStoredName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    DocumentStoredName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    DocumentSizeBytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesApprovals", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_MinutesApprovals_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MinutesApprovals");
        }
    }
}
