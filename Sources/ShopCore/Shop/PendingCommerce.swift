/// The whole trade state of a saved shop whose orders are still being read elsewhere: the store
/// reads a big snapshot's orders on another thread so that the catalogue shows at once. `value`
/// waits until they are read and returns the trade state with them; later calls return it at once.
public struct PendingCommerce: Sendable {
    private let wait: @Sendable () -> Commerce
    private let ready: @Sendable () -> Bool

    /// `isReady` answers at once whether `wait` would.
    public init(waitingOn wait: @escaping @Sendable () -> Commerce, isReady: @escaping @Sendable () -> Bool) {
        self.wait = wait
        self.ready = isReady
    }

    public var value: Commerce { wait() }

    /// Whether the orders are read (`value` answers at once).
    public var isReady: Bool { ready() }
}
