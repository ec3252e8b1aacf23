using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Units;

/// <summary>
/// A decision that reshaped the unit tree, applied as data (ADR 0018): its legal basis as the decision is named
/// ("Nghị quyết 202/2025/QH15 về việc sắp xếp đơn vị hành chính cấp tỉnh"), the Vietnam day it took effect (1/7/2025),
/// the level it retired if any, and what it did in words. Every change it made is dated from <see cref="EffectiveOn"/>
/// in the namings of the units and organisations it touched.
/// </summary>
public class Reorganisation : Entity
{
    /// <summary>The longest legal basis kept.</summary>
    public const int LegalBasisMaxLength = DatedSpan.BasisMaxLength;

    /// <summary>A decision with basis <paramref name="legalBasis"/> taking effect on Vietnam day <paramref name="effectiveOn"/>.</summary>
    public Reorganisation(string legalBasis, DateOnly effectiveOn)
    {
        LegalBasis = legalBasis;
        EffectiveOn = effectiveOn;
    }

    /// <summary>The decision's name and number as written ("Nghị quyết 76/2025/UBTVQH15").</summary>
    public string LegalBasis { get; private set; }

    /// <summary>The Vietnam day the decision took effect; the first day of the new names and tree.</summary>
    public DateOnly EffectiveOn { get; private set; }

    /// <summary>The level the decision retired (the district level), null when none.</summary>
    public int? RetiredLevelId { get; set; }

    /// <summary>What was applied, in words, for the audit page: counts of mergers, moves, retired units and organisations placed.</summary>
    public string Outcome { get; set; } = string.Empty;
}
