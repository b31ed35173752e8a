import ShopCore

/// The order screen opened over the panes: one order, scrolled, showing its timeline, or one of
/// the after-sales steps on it (choosing items to return, writing to support).
public struct OrderScreen: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case details
        case returning(ReturnDraft)
        case support(SupportDraft)
    }

    public var number: String
    public var mode: Mode
    /// First line of the details shown (they scroll when longer than the screen).
    public var scroll = 0

    public init(number: String, mode: Mode = .details) {
        self.number = number
        self.mode = mode
    }

    public var returnDraft: ReturnDraft? {
        if case let .returning(draft) = mode { return draft }
        return nil
    }

    public var supportDraft: SupportDraft? {
        if case let .support(draft) = mode { return draft }
        return nil
    }
}

/// The items chosen for a return: a quantity for each returnable line of the order.
public struct ReturnDraft: Hashable, Sendable {
    /// The order's lines that may still be returned, in order, with the units left to return.
    public var skus: [String]
    public var quantities: [Int]
    public var selected = 0
    /// The label's tracking number once the return is accepted.
    public var label: String?
    /// Why the return cannot be made, in plain words.
    public var problem: String?

    public init(order: Order) {
        let returnable = order.lines.filter { order.returnableQuantity(of: $0) > 0 }
        skus = returnable.map(\.sku)
        quantities = Array(repeating: 0, count: returnable.count)
    }

    /// The chosen lines, those with a quantity.
    public var lines: [ReturnLine] {
        zip(skus, quantities).filter { $0.1 > 0 }.map { ReturnLine(sku: $0.0, quantity: $0.1) }
    }
}

/// The message being written to support about an order.
public struct SupportDraft: Hashable, Sendable {
    public var text = ""
    /// Lines of the thread scrolled back from its end.
    public var scrollBack = 0
    public var problem: String?

    public init(text: String = "") {
        self.text = text
    }
}

/// The message open in the reader, and how far it is scrolled.
public struct MessageReader: Hashable, Sendable {
    public var key: String
    public var scroll = 0

    public init(key: String, scroll: Int = 0) {
        self.key = key
        self.scroll = scroll
    }
}
