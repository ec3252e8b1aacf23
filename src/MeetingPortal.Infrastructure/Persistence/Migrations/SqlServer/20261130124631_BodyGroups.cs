using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BodyGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BodyGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyGroups_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BodyGroupMember",
                columns: table => new
                {
                    BodyGroupId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyGroupMember", x => new { x.BodyGroupId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_BodyGroupMember_BodyGroups_BodyGroupId",
                        column: x => x.BodyGroupId,
                        principalTable: "BodyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BodyGroupMember_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveGroupAssignee",
                columns: table => new
                {
                    DirectiveId = table.Column<int>(type: "int", nullable: false),
                    BodyGroupId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveGroupAssignee", x => new { x.DirectiveId, x.BodyGroupId });
                    table.ForeignKey(
                        name: "FK_DirectiveGroupAssignee_BodyGroups_BodyGroupId",
                        column: x => x.BodyGroupId,
                        principalTable: "BodyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveGroupAssignee_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipantGroup",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    BodyGroupId = table.Column<int>(type: "int", nullable: false),
                    Wording = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipantGroup", x => new { x.MeetingId, x.BodyGroupId });
                    table.ForeignKey(
                        name: "FK_MeetingParticipantGroup_BodyGroups_BodyGroupId",
                        column: x => x.BodyGroupId,
                        principalTable: "BodyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingParticipantGroup_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BodyGroupMember_OrganisationId",
                table: "BodyGroupMember",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyGroups_UnitId_Name",
                table: "BodyGroups",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveGroupAssignee_BodyGroupId",
                table: "DirectiveGroupAssignee",
                column: "BodyGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipantGroup_BodyGroupId",
                table: "MeetingParticipantGroup",
                column: "BodyGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BodyGroupMember");

            migrationBuilder.DropTable(
                name: "DirectiveGroupAssignee");

            migrationBuilder.DropTable(
                name: "MeetingParticipantGroup");

            migrationBuilder.DropTable(
                name: "BodyGroups");
        }
    }
}
