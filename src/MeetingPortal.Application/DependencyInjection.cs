using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Application.Recommendations;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Application;

/// <summary>Registers the use cases, their validators and the authorization handlers.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddPortalAuthorization();
        services.AddValidatorsFromAssemblyContaining<SharedResource>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<MeetingChoices>();
        services.AddScoped<MeetingEditor>();
        services.AddScoped<SaveMeeting>();
        services.AddScoped<ImportMeetings>();
        services.AddScoped<MeetingAttachments>();
        services.AddScoped<ApproveMinutes>();
        services.AddScoped<RecommendationChange>();
        services.AddScoped<AssignRecommendation>();
        services.AddScoped<RespondToRecommendation>();
        services.AddScoped<ForwardRecommendation>();
        services.AddScoped<ReturnRecommendation>();
        services.AddScoped<CloseRecommendation>();
        services.AddScoped<PlanRoadmap>();
        services.AddScoped<ReportMilestone>();
        services.AddScoped<ReopenRecommendation>();
        services.AddScoped<JudgeAnswer>();
        services.AddScoped<LinkRecommendation>();
        services.AddScoped<BulkRecommendationChange>();
        services.AddScoped<BulkAssignRecommendations>();
        services.AddScoped<BulkForwardRecommendations>();
        services.AddScoped<BulkCloseRecommendations>();
        services.AddScoped<BulkAnswerRecommendations>();
        services.AddScoped<AnswerTemplates>();
        services.AddScoped<Directives.DirectiveActions>();
        services.AddScoped<Plans.SavePlannedDialogue>();
        services.AddScoped<Plans.PlannedDialogueActions>();
        services.AddScoped<Plans.DialogueAgenda>();
        services.AddScoped<Raising.OurRecommendations>();
        services.AddScoped<Raising.SendGatheredRecommendation>();
        services.AddScoped<Raising.GatheredForBody>();
        services.AddScoped<Raising.UnitPublished>();
        services.AddScoped<Plans.PlanProgressQuery>();
        services.AddScoped<Plans.PlanEntries>();
        services.AddScoped<Reports.SummaryCalculator>();
        services.AddScoped<Reports.SummaryReport>();
        services.AddScoped<Reports.SummaryDocuments>();
        services.AddSingleton<Reports.SummaryCacheStore>();
        services.AddScoped<Reports.SummaryCache>();
        services.AddScoped<Home.HomeQuery>();
        services.AddScoped<Reports.FreezeReport>();
        services.AddScoped<Reports.OverdueRegister>();
        services.AddScoped<Reports.ReportChange>();
        services.AddScoped<Reports.EditReportDraft>();
        services.AddScoped<Reports.SignReport>();
        services.AddScoped<Reports.SendReport>();
        services.AddScoped<Reports.ReceiveReport>();
        services.AddScoped<Administration.ChangeCalendar>();
        services.AddScoped<Administration.ChangeThemes>();
        services.AddScoped<Administration.ChangeDueDateRules>();
        services.AddScoped<Administration.ChangeUnits>();
        services.AddScoped<Administration.ChangeOrganisations>();
        services.AddScoped<Administration.BodyGroupAdministration>();
        services.AddScoped<Administration.EditBodyGroup>();
        services.AddScoped<Administration.DeleteBodyGroup>();
        services.AddScoped<Administration.ChangeAccounts>();
        services.AddScoped<Administration.AccountChoices>();
        services.AddScoped<People.PeopleNames>();
        services.AddScoped<Results.ResultsNoticeQuery>();
        services.AddScoped<Results.PublicResultsQuery>();
        services.AddScoped<Results.PublishResults>();
        return services;
    }
}
