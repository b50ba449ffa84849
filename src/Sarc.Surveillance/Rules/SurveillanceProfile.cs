namespace Sarc.Surveillance.Rules;

/// <summary>
/// One follow-up plan of a rule file (e.g. <c>high</c>): which patients it is for, its visits and its exams.
/// <see cref="RuleSet"/> creates them after checking them, so a rule set's profiles always have visits with exams; a
/// profile built directly is taken as given.
/// </summary>
/// <param name="name">The profile's key in the rule file.</param>
/// <param name="description">Free text for people; empty when the file has none.</param>
/// <param name="grades">The grades the profile is for.</param>
/// <param name="sites">The sites the profile is for, normalized.</param>
/// <param name="afterLocalRecurrence">The profile a plan restarts on after a local recurrence.</param>
/// <param name="phases">The visit phases, contiguous from month 0, in month order.</param>
/// <param name="examRules">The exam rules in file order.</param>
/// <param name="visits">Every visit of the plan in month order, with its exams resolved; at least one.</param>
public sealed class SurveillanceProfile(
    string name,
    string description,
    IReadOnlySet<TumorGrade> grades,
    IReadOnlySet<string> sites,
    string afterLocalRecurrence,
    IReadOnlyList<VisitPhase> phases,
    IReadOnlyList<ExamRule> examRules,
    IReadOnlyList<PlannedVisit> visits)
{
    /// <summary>The profile's key in the rule file.</summary>
    public string Name { get; } = name;

    /// <summary>Free text for people; empty when the file has none.</summary>
    public string Description { get; } = description;

    /// <summary>The grades the profile is for.</summary>
    public IReadOnlySet<TumorGrade> Grades { get; } = grades;

    /// <summary>The sites the profile is for (<c>sites_except</c> already resolved against the file's site list).</summary>
    public IReadOnlySet<string> Sites { get; } = sites;

    /// <summary>The profile a plan restarts on after a local recurrence (may be this one).</summary>
    public string AfterLocalRecurrence { get; } = afterLocalRecurrence;

    /// <summary>The visit phases, contiguous from month 0, in month order.</summary>
    public IReadOnlyList<VisitPhase> Phases { get; } = phases;

    /// <summary>The exam rules in file order.</summary>
    public IReadOnlyList<ExamRule> ExamRules { get; } = examRules;

    /// <summary>Every visit of the plan in month order, with its exams resolved.</summary>
    public IReadOnlyList<PlannedVisit> Visits { get; } = visits;

    /// <summary>The month of the last visit: how long the plan lasts.</summary>
    public int LastMonth => Visits[^1].Month;

    /// <summary>True when a patient with this grade and (normalized) site follows this profile.</summary>
    public bool AppliesTo(TumorGrade grade, string site) => Grades.Contains(grade) && Sites.Contains(site);

    /// <summary>The profile's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
