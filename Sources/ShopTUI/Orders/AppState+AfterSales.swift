import ShopCore
import ShopStore

extension AppState {
    /// The logged-in customer's orders, newest first (the order of the Orders pane); none while the
    /// shop's orders are being read (the pane says so rather than hold the frame).
    public var customerOrders: [Order] {
        guard let customer, !shop.ordersAreBeingRead else { return [] }
        return shop.commerce.orders(of: customer.id).reversed()
    }

    /// The order under the Orders pane's selection.
    public var selectedOrder: Order? {
        let orders = customerOrders
        return ordersCursor.selected < orders.count ? orders[ordersCursor.selected] : nil
    }

    /// Whether an order screen (or its return or support step) or the message reader covers the panes.
    public var isAfterSalesScreenOpen: Bool { orderScreen != nil || reader != nil }

    /// The order the order screen shows.
    public var screenOrder: Order? {
        orderScreen.flatMap { screen in shop.commerce.order(numbered: screen.number) }
    }

    /// The customer's messages newest first (the order of the Messages pane).
    public var inbox: [MailboxEntry] { customerMessages.reversed() }

    public var unreadCount: Int { customerMessages.filter { !$0.isRead }.count }

    /// The message open in the reader.
    public var readerMessage: MailboxEntry? {
        reader.flatMap { reader in mailbox.first { $0.key == reader.key } }
    }

    /// The support tickets of an order, oldest first.
    public func tickets(of orderNumber: String) -> [SupportTicket] {
        guard let customer else { return [] }
        return shop.commerce.tickets(of: customer.id).filter { $0.orderNumber == orderNumber }
    }

    /// A new message about the order: a reply when the order has a conversation not closed (the
    /// one `ShopService.supportMessage` joins), else a new one that first asks its topic.
    public func supportDraft(for orderNumber: String) -> SupportDraft {
        SupportDraft(asksTopic: !tickets(of: orderNumber).contains { $0.status != .closed })
    }
}
