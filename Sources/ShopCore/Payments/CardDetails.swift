/// A card as typed into the payment form, checked: number, expiry not past at `now`, and a
/// security code of the length the brand uses. It exists only for the time of the payment
/// request; what the shop keeps afterwards is `summary`.
public struct CardDetails: Equatable, Sendable {
    public let number: CardNumber
    public let expiry: CardExpiry
    public let securityCode: CardSecurityCode

    /// Checks the parts in the order a form shows them: number, expiry, security code.
    public init(number: CardNumber, expiry: CardExpiry, securityCode: CardSecurityCode, now: ShopInstant) throws(PaymentError) {
        try expiry.check(at: now)
        try securityCode.check(for: number.brand)
        self.number = number
        self.expiry = expiry
        self.securityCode = securityCode
    }

    /// Parses and checks the three fields as typed.
    public init(number: String, expiry: String, securityCode: String, now: ShopInstant) throws(PaymentError) {
        try self.init(
            number: try CardNumber(number),
            expiry: try CardExpiry(expiry),
            securityCode: try CardSecurityCode(securityCode),
            now: now
        )
    }

    /// The card as a command line gives it, where the expiry and the security code may be
    /// missing: a card payment needs both (every accepted brand has a security code), so a
    /// missing one is refused by name, after the number is checked.
    public static func given(number: String, expiry: String?, securityCode: String?, now: ShopInstant) throws(PaymentError) -> CardDetails {
        let parsed = try CardNumber(number)
        guard let expiry, !expiry.trimmingSpaces().isEmpty else { throw .missingExpiry }
        guard let securityCode, !securityCode.trimmingSpaces().isEmpty else { throw .missingSecurityCode(brand: parsed.brand) }
        return try CardDetails(number: number, expiry: expiry, securityCode: securityCode, now: now)
    }

    /// What may be kept of this card.
    public var summary: CardSummary {
        CardSummary(brand: number.brand, coBadge: number.coBadge, lastFour: number.lastFour,
                    expiryMonth: expiry.month, expiryYear: expiry.year)
    }
}

extension CardDetails: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { summary.description }
    public var debugDescription: String { "CardDetails(\(summary))" }
    public var customMirror: Mirror { Mirror(self, children: ["summary": summary], displayStyle: .struct) }
}
