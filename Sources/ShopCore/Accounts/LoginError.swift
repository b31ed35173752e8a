/// Why a login was refused. The message never says whether the email address has an account.
public enum LoginError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An unknown email address and a wrong password give this same answer.
    case wrongEmailOrPassword
    case locked(remainingSeconds: Int64)

    public var description: String {
        switch self {
        case .wrongEmailOrPassword:
            return "wrong email or password: check both and try again"
        case let .locked(remainingSeconds):
            return "too many failed logins: try again in \(Self.spoken(seconds: remainingSeconds))"
        }
    }

    /// "45 seconds", "1 minute", "4 minutes", "1 hour", "1 hour 5 minutes": minutes are rounded up,
    /// so "in 4 minutes" is never too early.
    static func spoken(seconds: Int64) -> String {
        func count(_ value: Int64, _ unit: String) -> String { "\(value) \(unit)\(value == 1 ? "" : "s")" }
        guard seconds >= 60 else { return count(max(seconds, 1), "second") }
        let minutes = (seconds + 59) / 60
        guard minutes >= 60 else { return count(minutes, "minute") }
        let hours = count(minutes / 60, "hour")
        return minutes % 60 == 0 ? hours : "\(hours) \(count(minutes % 60, "minute"))"
    }
}
