/// An XBRL period: an instant (the end of a day) or a duration of whole days.
public enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case instant(CalendarDate)
    case duration(start: CalendarDate, end: CalendarDate)

    public var isInstant: Bool { if case .instant = self { true } else { false } }

    public var description: String {
        switch self {
        case .instant(let d): return d.description
        case .duration(let s, let e): return "\(s)..\(e)"
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        switch (a, b) {
        case (.instant(let x), .instant(let y)): return x < y
        case (.instant, .duration): return true
        case (.duration, .instant): return false
        case (.duration(let s1, let e1), .duration(let s2, let e2)): return (e1, s1) < (e2, s2)
        }
    }
}

extension CalendarDate {
    package func adding(days: Int) -> CalendarDate {
        var y = year, m = month, d = day + days
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += CalendarDate.days(in: m, year: y)
        }
        while d > CalendarDate.days(in: m, year: y) {
            d -= CalendarDate.days(in: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// The same month and day `years` earlier, February 29 becoming the 28th.
    func years(_ years: Int) -> CalendarDate {
        let y = year + years
        return CalendarDate(year: y, month: month, day: min(day, CalendarDate.days(in: month, year: y)))
    }
}

/// The periods of a statement, all derived from its statement date.
package struct StatementPeriods: Sendable {
    package let statementDate: CalendarDate

    package init(statementDate: CalendarDate) {
        self.statementDate = statementDate
    }

    package func period(_ reference: PeriodReference) -> Period {
        let d = statementDate
        let yearStart = CalendarDate(year: d.year, month: 1, day: 1)
        let quarterFirstMonth = ((d.month - 1) / 3) * 3 + 1
        let quarterStart = CalendarDate(year: d.year, month: quarterFirstMonth, day: 1)
        switch reference {
        case .currentInstant: return .instant(d)
        case .priorYearEnd: return .instant(CalendarDate(year: d.year - 1, month: 12, day: 31))
        case .currentYearToDate: return .duration(start: yearStart, end: d)
        case .priorYearToDate: return .duration(start: yearStart.years(-1), end: d.years(-1))
        case .priorYear: return .duration(start: CalendarDate(year: d.year - 1, month: 1, day: 1), end: CalendarDate(year: d.year - 1, month: 12, day: 31))
        case .currentQuarter: return .duration(start: quarterStart, end: d)
        case .quarterStart: return .instant(quarterStart.adding(days: -1))
        case .firstQuarterEnd: return .instant(CalendarDate(year: d.year, month: 3, day: 31))
        case .secondQuarterEnd: return .instant(CalendarDate(year: d.year, month: 6, day: 30))
        case .thirdQuarterEnd: return .instant(CalendarDate(year: d.year, month: 9, day: 30))
        case .firstQuarter: return .duration(start: yearStart, end: CalendarDate(year: d.year, month: 3, day: 31))
        case .secondQuarter: return .duration(start: CalendarDate(year: d.year, month: 4, day: 1), end: CalendarDate(year: d.year, month: 6, day: 30))
        case .thirdQuarter: return .duration(start: CalendarDate(year: d.year, month: 7, day: 1), end: CalendarDate(year: d.year, month: 9, day: 30))
        case .fourthQuarter: return .duration(start: CalendarDate(year: d.year, month: 10, day: 1), end: CalendarDate(year: d.year, month: 12, day: 31))
        case .secondPriorYear: return Self.calendarYear(d.year - 2)
        case .thirdPriorYear: return Self.calendarYear(d.year - 3)
        case .fourthPriorYear: return Self.calendarYear(d.year - 4)
        }
    }

    static func calendarYear(_ year: Int) -> Period {
        .duration(start: CalendarDate(year: year, month: 1, day: 1), end: CalendarDate(year: year, month: 12, day: 31))
    }

    /// The period of a cell: the column's period, or for a balance printed in a column of flows,
    /// the instant at the start or end of that flow's period, or at the end of a month of the
    /// year it ends in.
    package func period(_ reference: PeriodReference, at position: LineDescription.InstantPosition?) -> Period {
        let base = period(reference)
        guard let position, case .duration(let start, let end) = base else { return base }
        if let month = position.month {
            return .instant(CalendarDate(year: end.year, month: month, day: CalendarDate.days(in: month, year: end.year)))
        }
        return .instant(position == .start ? start.adding(days: -1) : end)
    }
}
