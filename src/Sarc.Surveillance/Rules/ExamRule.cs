namespace Sarc.Surveillance.Rules;

/// <summary>
/// When a profile asks for an exam: at every visit in <see cref="Months"/> (all visits when null) whose month, counted
/// from the start of that range (from month 0 when null), is a multiple of <see cref="EveryMonths"/> (every visit when null).
/// </summary>
/// <param name="Exam">An exam name declared in the rule file's <c>exams</c>.</param>
/// <param name="Months">The months the rule covers, or null for the whole plan.</param>
/// <param name="EveryMonths">The exam's interval in months, or null for every visit.</param>
public sealed record ExamRule(string Exam, MonthRange? Months, int? EveryMonths)
{
    /// <summary>True when the exam is due at a visit <paramref name="month"/> months after the plan started.</summary>
    public bool AppliesAt(int month)
    {
        if (Months is { } range && !range.Contains(month))
        {
            return false;
        }

        var start = Months?.After ?? 0;
        return EveryMonths is not { } every || (month - start) % every == 0;
    }
}
