using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "EndTime",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HostBoard",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RebuiltFromSecondarySource",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "StatedAbsentCount",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatedInvitedCount",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StatedPresentCount",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AbsenceReason",
                table: "MeetingParticipants",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "MeetingParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Issue 16, deliver 5: the seed records (their source names a report file under seeds/) were loaded with the
            // old default "in person" although their reports do not say how they were held; and they are rebuilt from
            // news reports, not the secretary's minutes. Records entered by people keep what was saved.
            migrationBuilder.Sql("""UPDATE "Meetings" SET "Format" = 0 WHERE "Format" = 1 AND "ConnectedPoints" IS NULL AND "Source" LIKE '%seeds/00%.txt';""");
            migrationBuilder.Sql("""UPDATE "Meetings" SET "RebuiltFromSecondarySource" = 1 WHERE "Source" LIKE '%seeds/00%.txt';""");
            // Issue 16, deliver 4: four of the seed reports (000 to 003) say the committee's Thường trực convened the meeting.
            migrationBuilder.Sql("""UPDATE "Meetings" SET "HostBoard" = 1 WHERE "Source" LIKE '%seeds/00%.txt' AND "Source" NOT LIKE '%seeds/004%';""");
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
