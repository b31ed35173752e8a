/// A moment in shop time, in whole seconds since 1970-01-01 UTC. The domain never reads a clock:
/// the current instant is always passed in, so deadlines are testable and demos can run time faster.
public struct ShopInstant: Hashable, Comparable, Sendable {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    public static func < (lhs: ShopInstant, rhs: ShopInstant) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    public func adding(minutes: Int) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970 + Int64(minutes) * 60)
    }

    public func adding(hours: Int) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970 + Int64(hours) * 3_600)
    }

    public func adding(days: Int) -> ShopInstant {
        ShopInstant(secondsSince1970: secondsSince1970 + Int64(days) * 86_400)
    }
}
