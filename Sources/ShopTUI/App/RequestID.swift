/// Which screen asked for a shop command, and which of its requests it was: the effect carries it
/// to the runtime (`Effect.request`), the outcome comes back with it (`Message.answered`), and
/// `update` gives the outcome to that screen only, so a login form never takes a tick's commit
/// for its login, nor the checkout another screen's refusal for its payment.
public struct RequestID: Hashable, Sendable {
    public let screen: ShopScreen.Layer
    public let serial: Int

    public init(screen: ShopScreen.Layer, serial: Int) {
        self.screen = screen
        self.serial = serial
    }
}

extension Effect {
    /// Whether the runtime answers the effect with a command's outcome (one a screen may wait for).
    var isShopRequest: Bool {
        switch self {
        case .execute, .trade, .logIn, .register: return true
        case .markMessageRead, .search, .buildIndex, .quit, .request: return false
        }
    }
}
