/// How fast `comptoir demo` plays: the delays between keys and after each outcome, and how fast
/// shop time runs so the parcel arrives while the audience watches.
public enum DemoPace: String, CaseIterable, Sendable {
    /// About twice as long as `normal`, for a presenter who explains every screen.
    case slow
    /// A pace to talk over: two to four minutes.
    case normal
    /// Under a minute; ends the program when done (smoke tests, a quick look).
    case fast

    /// Wall seconds after each character typed into a field.
    public var typingDelay: Double {
        switch self {
        case .slow: return 0.3
        case .normal: return 0.15
        case .fast: return 0.02
        }
    }

    /// Wall seconds after any other key (moving, opening, confirming).
    public var keyDelay: Double {
        switch self {
        case .slow: return 2.2
        case .normal: return 1.1
        case .fast: return 0.08
        }
    }

    /// Wall seconds the outcome of a step stays on screen before the next one starts.
    public var dwell: Double {
        switch self {
        case .slow: return 7.0
        case .normal: return 3.5
        case .fast: return 0.25
        }
    }

    /// Shop seconds per wall second. At 7 200 a standard parcel (2 to 5 days in transit) arrives
    /// in about a minute; `fast` runs six times faster so the whole demo stays under a minute.
    public var clockSpeed: Int64 {
        switch self {
        case .slow: return 3_600
        case .normal: return 7_200
        case .fast: return 43_200
        }
    }
}
