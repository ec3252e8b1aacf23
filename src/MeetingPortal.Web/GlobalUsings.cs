// The UI strings live with the use cases that produce most of them (MeetingPortal.Application/Resources).
global using MeetingPortal.Application;
global using MeetingPortal.Application.Authorization;
global using Microsoft.AspNetCore.Authorization;
