namespace MeetingPortal.Domain.Organisations;

public enum OrganisationKind
{
    /// <summary>Tỉnh ủy, Thành ủy, Thị ủy, Huyện ủy, Đảng ủy phường/xã.</summary>
    PartyCommittee = 1,

    /// <summary>Advisory commissions of a Party committee: Ban Dân vận, Ban Tổ chức...</summary>
    PartyCommission = 2,

    /// <summary>Ủy ban Mặt trận Tổ quốc.</summary>
    FatherlandFront = 3,

    /// <summary>Farmers', Women's, Youth, Veterans' unions, Labour Federation.</summary>
    SocioPoliticalOrganisation = 4,

    /// <summary>Hội đặc thù: study promotion, Red Cross, elderly...</summary>
    SpecialAssociation = 5,

    /// <summary>Ủy ban nhân dân.</summary>
    PeoplesCommittee = 6,

    /// <summary>Hội đồng nhân dân.</summary>
    PeoplesCouncil = 7,

    /// <summary>Offices and departments of the People's Committee: phòng Nội vụ...</summary>
    GovernmentOffice = 8,

    /// <summary>Chi hội, chi đoàn of a village or residential group.</summary>
    VillageBranch = 9,
}
