/// A promotion code: a percentage or a fixed amount off the goods, from a minimum basket, until
/// an expiry day (inclusive), once per account or as often as wanted, until the merchant ends it.
public struct PromoCode: Hashable, Sendable {
    public enum Benefit: Hashable, Sendable {
        /// Basis points off the goods: 1000 = 10 %.
        case percent(basisPoints: Int64)
        /// Minor units off the goods (never more than the goods).
        case fixed(minorUnits: Int64)
    }

    public let code: String
    public let benefit: Benefit
    /// Minimum goods total (VAT included, minor units) for the code to apply.
    public let minimumBasket: Int64
    /// The last day the code is accepted.
    public let lastDay: CalendarDay
    /// Whether an account may use the code on one order only.
    public let oncePerCustomer: Bool
    /// When the merchant ended the code (`comptoir merchant promo end`); nil while it runs.
    public var endedAt: ShopInstant?

    public init(code: String, benefit: Benefit, minimumBasket: Int64, lastDay: CalendarDay, oncePerCustomer: Bool = true,
                endedAt: ShopInstant? = nil) {
        self.code = code.uppercased()
        self.benefit = benefit
        self.minimumBasket = minimumBasket
        self.lastDay = lastDay
        self.oncePerCustomer = oncePerCustomer
        self.endedAt = endedAt
    }

    /// The latest day a promotion may run until, and the largest fixed amount off (in minor units).
    public static let latestLastDay = CalendarDay(year: 2999, month: 12, day: 31)
    public static let largestFixedAmount: Int64 = 100_000_00

    /// The codes of the demo shop, the seed of every shop's promotions (`BackOffice.promotions`).
    public static let demo: [PromoCode] = [
        PromoCode(code: "WELCOME10", benefit: .percent(basisPoints: 1_000), minimumBasket: 30_00,
                  lastDay: CalendarDay(year: 2030, month: 12, day: 31)),
        PromoCode(code: "FIVEOFF", benefit: .fixed(minorUnits: 5_00), minimumBasket: 25_00,
                  lastDay: CalendarDay(year: 2030, month: 12, day: 31)),
        PromoCode(code: "SUMMER24", benefit: .percent(basisPoints: 1_500), minimumBasket: 0,
                  lastDay: CalendarDay(year: 2024, month: 9, day: 1)),
    ]

    /// The seed code named `text` (any case); a shop's codes are `BackOffice.promotion(named:)`.
    public static func named(_ text: String) -> PromoCode? {
        let wanted = text.trimmingSpaces().uppercased()
        return demo.first { $0.code == wanted }
    }

    /// Whether the code is taken at checkout on `today`.
    public func isActive(today: CalendarDay) -> Bool { endedAt == nil && today <= lastDay }

    /// The discount on `goods`, or why the code does not apply.
    public func discount(onGoods goods: Money, today: CalendarDay, alreadyUsed: Bool) throws(PromoCodeError) -> Money {
        guard endedAt == nil else { throw .ended(code: code) }
        guard today <= lastDay else { throw .expired(code: code, lastDay: lastDay) }
        guard !(alreadyUsed && oncePerCustomer) else { throw .alreadyUsed(code: code) }
        guard goods.minorUnits >= minimumBasket else {
            throw .belowMinimum(code: code, minimum: Money(minorUnits: minimumBasket, currency: goods.currency), goods: goods)
        }
        switch benefit {
        case let .percent(basisPoints):
            return Money(minorUnits: (goods.minorUnits * basisPoints + 5_000) / 10_000, currency: goods.currency)
        case let .fixed(minorUnits):
            return Money(minorUnits: min(minorUnits, goods.minorUnits), currency: goods.currency)
        }
    }
}

/// Why a promotion code was refused.
public enum PromoCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknown(String)
    case expired(code: String, lastDay: CalendarDay)
    case alreadyUsed(code: String)
    case ended(code: String)
    case belowMinimum(code: String, minimum: Money, goods: Money)

    public var description: String {
        switch self {
        case let .unknown(text):
            return "\(Quote.value(text)) is not a promotion code of this shop: check the spelling"
        case let .expired(code, lastDay):
            return "the code \(code) expired on \(lastDay): it can no longer be used"
        case let .alreadyUsed(code):
            return "the code \(code) has already been used by this account: each code works once per account"
        case let .ended(code):
            return "the code \(code) has ended: it can no longer be used"
        case let .belowMinimum(code, minimum, goods):
            return "the code \(code) needs goods worth at least \(minimum): the cart holds \(goods)"
        }
    }
}
