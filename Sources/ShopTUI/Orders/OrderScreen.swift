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
