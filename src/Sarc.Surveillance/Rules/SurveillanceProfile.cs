namespace Sarc.Surveillance.Rules;

/// <summary>
/// One follow-up plan of a rule file (e.g. <c>high</c>): which patients it is for, its visits and its exams.
/// Only <see cref="RuleSet"/> creates profiles, after checking them, so a profile always has visits with exams.
/// </summary>
public sealed class SurveillanceProfile
{
    internal SurveillanceProfile(
        string name,
        string description,
        IReadOnlySet<TumorGrade> grades,
        IReadOnlySet<string> sites,
        string afterLocalRecurrence,
        IReadOnlyList<VisitPhase> phases,
        IReadOnlyList<ExamRule> examRules,
        IReadOnlyList<PlannedVisit> visits)
    {
        Name = name;
        Description = description;
        Grades = grades;
        Sites = sites;
        AfterLocalRecurrence = afterLocalRecurrence;
        Phases = phases;
        ExamRules = examRules;
        Visits = visits;
    }

    /// <summary>The profile's key in the rule file.</summary>
    public string Name { get; }

    /// <summary>Free text for people; empty when the file has none.</summary>
    public string Description { get; }

    /// <summary>The grades the profile is for.</summary>
    public IReadOnlySet<TumorGrade> Grades { get; }

    /// <summary>The sites the profile is for (<c>sites_except</c> already resolved against the file's site list).</summary>
    public IReadOnlySet<string> Sites { get; }

    /// <summary>The profile a plan restarts on after a local recurrence (may be this one).</summary>
    public string AfterLocalRecurrence { get; }

    /// <summary>The visit phases, contiguous from month 0, in month order.</summary>
    public IReadOnlyList<VisitPhase> Phases { get; }

    /// <summary>The exam rules in file order.</summary>
    public IReadOnlyList<ExamRule> ExamRules { get; }

    /// <summary>Every visit of the plan in month order, with its exams resolved.</summary>
    public IReadOnlyList<PlannedVisit> Visits { get; }

    /// <summary>The month of the last visit: how long the plan lasts.</summary>
    public int LastMonth => Visits[^1].Month;

    /// <summary>True when a patient with this grade and (normalized) site follows this profile.</summary>
    public bool AppliesTo(TumorGrade grade, string site) => Grades.Contains(grade) && Sites.Contains(site);

    /// <summary>The profile's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
