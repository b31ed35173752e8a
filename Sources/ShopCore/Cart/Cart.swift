/// The customer's basket: lines of SKU and quantity, in the order they were added.
public struct Cart: Hashable, Sendable {
    public private(set) var lines: [CartLine] = []

    public init(lines: [CartLine] = []) {
        for line in lines { setQuantity(line.quantity, for: line.sku) }
    }

    public var isEmpty: Bool { lines.isEmpty }
    /// Units in the cart (stops at `Int.max` rather than overflow on damaged data).
    public var itemCount: Int {
        lines.reduce(0) { count, line in
            let (sum, overflow) = count.addingReportingOverflow(line.quantity)
            return overflow ? .max : sum
        }
    }

    public func quantity(of sku: String) -> Int {
        lines.first { $0.sku == sku }?.quantity ?? 0
    }

    /// Sets a line's quantity; zero removes the line. No rule is checked here: see `ShopCommand`.
    public mutating func setQuantity(_ quantity: Int, for sku: String) {
        if let index = lines.firstIndex(where: { $0.sku == sku }) {
            if quantity <= 0 { lines.remove(at: index) } else { lines[index].quantity = quantity }
        } else if quantity > 0 {
            lines.append(CartLine(sku: sku, quantity: quantity))
        }
    }

    public mutating func removeAll() { lines.removeAll() }
}

public struct CartLine: Hashable, Sendable {
    public var sku: String
    public var quantity: Int
    public init(sku: String, quantity: Int) {
        self.sku = sku
        self.quantity = quantity
    }
}
