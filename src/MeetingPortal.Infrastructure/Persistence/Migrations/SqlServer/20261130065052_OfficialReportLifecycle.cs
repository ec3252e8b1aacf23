using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OfficialReportLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAtUtc",
                table: "Snapshots",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "Snapshots",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IssuedOn",
                table: "Snapshots",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuerCode",
                table: "Snapshots",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Narrative",
                table: "Snapshots",
                type: "nvarchar(max)",
                maxLength: 30000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Snapshots",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOf",
                table: "Snapshots",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverdueItems",
                table: "Snapshots",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "Snapshots",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReceivedAtUtc",
                table: "Snapshots",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedBy",
                table: "Snapshots",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipients",
                table: "Snapshots",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Snapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ScanFileName",
                table: "Snapshots",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScanSizeBytes",
                table: "Snapshots",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScanStoredName",
                table: "Snapshots",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScanType",
                table: "Snapshots",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SentAtUtc",
                table: "Snapshots",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentBy",
                table: "Snapshots",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedAtUtc",
                table: "Snapshots",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedBy",
                table: "Snapshots",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "Snapshots",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerRole",
                table: "Snapshots",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Snapshots",
                type: "int",
                nullable: false,
                defaultValue: 1); // ReportStatus.Draft: the reports frozen before this migration are drafts (ADR 0017).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EditedAtUtc",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "IssuerCode",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Narrative",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "OverdueItems",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ReceivedAtUtc",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ReceivedBy",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Recipients",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ScanFileName",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ScanSizeBytes",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ScanStoredName",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ScanType",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SentAtUtc",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SentBy",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SignedAtUtc",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SignedBy",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SignerName",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SignerRole",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Snapshots");
        }
    }
}
