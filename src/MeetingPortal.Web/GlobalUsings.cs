// The UI strings live with the use cases that produce most of them (MeetingPortal.Application/Resources).
global using MeetingPortal.Application;
global using MeetingPortal.Application.Authorization;
global using MeetingPortal.Application.Meetings;
global using MeetingPortal.Application.Recommendations;
global using MeetingPortal.Application.Units;
global using MeetingPortal.Web.Infrastructure;
global using Microsoft.AspNetCore.Authorization;
