using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RecordFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttendanceNote",
                table: "Meetings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "EndTime",
                table: "Meetings",
                type: "time",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HostBoard",
                table: "Meetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RebuiltFromSecondarySource",
                table: "Meetings",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "StatedAbsentCount",
                table: "Meetings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatedInvitedCount",
                table: "Meetings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatedPresentCount",
                table: "Meetings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AbsenceReason",
                table: "MeetingParticipants",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "MeetingParticipants",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Issue 16, deliver 5: the seed records (their source names a report file under seeds/) were loaded with the
            // old default "in person" although their reports do not say how they were held; and they are rebuilt from
            // news reports, not the secretary's minutes. Records entered by people keep what was saved. Through EXEC
            // because SQL Server compiles a batch before the column added above exists.
            migrationBuilder.Sql("EXEC(N'UPDATE [Meetings] SET [Format] = 0 WHERE [Format] = 1 AND [ConnectedPoints] IS NULL AND [Source] LIKE N''%seeds/00%.txt''')");
            migrationBuilder.Sql("EXEC(N'UPDATE [Meetings] SET [RebuiltFromSecondarySource] = CAST(1 AS bit) WHERE [Source] LIKE N''%seeds/00%.txt''')");
            // Issue 16, deliver 4: four of the seed reports (000 to 003) say the committee's Thường trực convened the meeting.
            migrationBuilder.Sql("EXEC(N'UPDATE [Meetings] SET [HostBoard] = 1 WHERE [Source] LIKE N''%seeds/00%.txt'' AND [Source] NOT LIKE N''%seeds/004%''')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttendanceNote",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "EndTime",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "HostBoard",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "RebuiltFromSecondarySource",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "StatedAbsentCount",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "StatedInvitedCount",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "StatedPresentCount",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "AbsenceReason",
                table: "MeetingParticipants");

            migrationBuilder.DropColumn(
                name: "Attendance",
                table: "MeetingParticipants");
        }
    }
}
