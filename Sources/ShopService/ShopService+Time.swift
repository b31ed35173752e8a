import ShopCore
import ShopStore

extension ShopService {
    /// Whether a placed order waits for its customer to pay by card or wallet: a 3-D Secure code to
    /// type, a wallet to approve, a declined card to replace (cash at an agent is not the customer
    /// at the screen). The demo's accelerated clock holds at the wall's pace meanwhile, or the
    /// five-minute code, and the unpaid order itself, would expire before anyone could type.
    public var awaitsCustomerPayment: Bool {
        commerce.ordersInProgress.contains { order in
            guard order.state == .placed, !order.isPaid else { return false }
            if case .cash? = order.currentPayment { return false }
            return true
        }
    }

    /// Whether shop time may still change something (an unpaid order, a parcel, a return).
    public var hasOrdersInProgress: Bool { !commerce.ordersInProgress.isEmpty }

    /// Journals what shop time made due since the last command (scans, deliveries, expired codes
    /// and references, returns received), when there is anything in progress; the events, none
    /// when nothing was due. The terminal shop calls it about once a second.
    @discardableResult
    public func catchUp() throws(ServiceError) -> [ShopEvent] {
        guard hasOrdersInProgress else { return [] }
        return try trade(.catchUp)
    }

    /// Holds an accelerated clock at the wall's pace while a customer payment is awaited, and lets
    /// it run again after: called after every change of the shop this service makes or reads.
    /// `decidedAt` is the clock reading the change was decided at, if it was decided here.
    func paceClock(decidedAt: ShopInstant?) {
        guard let clock = clock as? AcceleratedClock else { return }
        clock.hold(awaitsCustomerPayment, from: decidedAt)
    }
}
