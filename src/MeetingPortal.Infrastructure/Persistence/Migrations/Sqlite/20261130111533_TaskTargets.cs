using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "LatestValue",
                table: "Directives",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LatestValueOn",
                table: "Directives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TargetHigh",
                table: "Directives",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TargetLow",
                table: "Directives",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetMeasure",
                table: "Directives",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetUnit",
                table: "Directives",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Value",
                table: "DirectiveProgress",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LatestValue",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "LatestValueOn",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "TargetHigh",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "TargetLow",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "TargetMeasure",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "TargetUnit",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "Value",
                table: "DirectiveProgress");
        }
    }
}
