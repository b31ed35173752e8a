import ShopCore

enum PaymentFixtures {
    /// Monday 23 November 2026, 18:00 UTC.
    static let now = ShopInstant.utc(year: 2026, month: 11, day: 23, hour: 18)
    static let twentyEuros = Money(minorUnits: 2_000, currency: .eur)

    static func card(_ number: String, expiry: String = "12/30", cvc: String? = nil) throws -> CardDetails {
        let brand = try CardNumber(number).brand
        return try CardDetails(number: number, expiry: expiry, securityCode: cvc ?? String(repeating: "7", count: brand.securityCodeLength), now: now)
    }

    static func authorize(_ number: String, amount: Money = twentyEuros, seed: UInt64 = 1) throws -> CardPayment {
        var random = SplitMix64(seed: seed)
        return try SimulatedGateway().authorize(try card(number), amount: amount, at: now, using: &random)
    }
}

/// Every leaf value reachable from `value` by reflection, as text, with the labels on the way.
func reflectedLeaves(of value: Any, path: String = "") -> [(path: String, text: String)] {
    let mirror = Mirror(reflecting: value)
    if mirror.children.isEmpty {
        return [(path, String(describing: value))]
    }
    var leaves: [(path: String, text: String)] = [(path, String(describing: value))]
    for (index, child) in mirror.children.enumerated() {
        leaves += reflectedLeaves(of: child.value, path: path + "." + (child.label ?? "\(index)"))
    }
    return leaves
}
