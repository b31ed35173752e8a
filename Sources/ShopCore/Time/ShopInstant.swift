/// A moment of shop time, in whole seconds since 1970-01-01 00:00:00 UTC.
///
/// The domain never reads the wall clock: every rule with a deadline takes the current instant as a
/// value, so tests and demos can move time as they please.
public struct ShopInstant: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    public static func < (lhs: ShopInstant, rhs: ShopInstant) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    public func adding(seconds: Int64) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970 + seconds)
    }

    public func adding(minutes: Int) -> ShopInstant { adding(seconds: Int64(minutes) * 60) }
    public func adding(hours: Int) -> ShopInstant { adding(seconds: Int64(hours) * 3_600) }
    public func adding(days: Int) -> ShopInstant { adding(seconds: Int64(days) * 86_400) }

    /// Seconds from `earlier` to this instant; negative when `earlier` is in fact later.
    public func seconds(since earlier: ShopInstant) -> Int64 {
        secondsSince1970 - earlier.secondsSince1970
    }

    /// `2026-11-23 18:40 UTC`, to the minute, for messages.
    public var description: String {
        let date = CivilDate(self)
        let secondsOfDay = secondsSince1970 - date.startOfDay.secondsSince1970
        let hour = secondsOfDay / 3_600
        let minute = (secondsOfDay % 3_600) / 60
        return "\(date) \(twoDigits(hour)):\(twoDigits(minute)) UTC"
    }
}

func twoDigits<Number: BinaryInteger>(_ value: Number) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}
