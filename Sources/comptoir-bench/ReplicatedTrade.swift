import ShopCore

/// A shop's trade history `times` over, for benchmarks that need more orders than placing them
/// through the shop's commands allows in the time at hand (`SyntheticOrders` places 10,000 in
/// minutes; 100,000 take hours, each command copying the shop's orders and accounts). Every
/// customer, order and support thread comes back `times` times under new numbers, each copy of an
/// order next to the original, so the orders stay in the order they were placed and the mix of
/// states (paid, shipped, returned, canceled), lines and payments is the one the commands made.
enum ReplicatedTrade {
    static func replicate(_ shop: ShopState, times: Int) -> ShopState {
        guard times > 1 else { return shop }
        let commerce = shop.commerce
        let accounts = commerce.accountsInOrder
        func accountID(_ index: Int, copy: Int) -> AccountID { AccountID("A-\(padded(copy * accounts.count + index + 1, 7))") }
        var newIDs: [AccountID: [AccountID]] = [:]
        var newAccounts: [Account] = []
        for copy in 0..<times {
            for (index, account) in accounts.enumerated() {
                let id = accountID(index, copy: copy)
                newIDs[account.id, default: []].append(id)
                let email = copy == 0 ? account.email : (try? EmailAddress(account.email.value.replacingOccurrences(of: "@", with: "+\(copy)@"))) ?? account.email
                newAccounts.append(Account(id: id, name: account.name, email: email, passwordHash: account.passwordHash, address: account.address,
                                           phone: account.phone))
            }
        }
        var orders: [Order] = []
        var newNumbers: [String: [String]] = [:]
        for number in commerce.orderNumbers {
            guard let order = commerce.orders[number] else { continue }
            let prefix = order.number.split(separator: "-").dropLast().joined(separator: "-")
            for copy in 0..<times {
                let newNumber = "\(prefix)-\(padded(orders.count + 1, 6))"
                newNumbers[number, default: []].append(newNumber)
                var copied = Order(
                    number: newNumber, customer: newIDs[order.customer]?[copy] ?? order.customer, placedAt: order.placedAt, lines: order.lines,
                    delivery: order.delivery, address: order.address, relayPoint: order.relayPoint, extras: order.extras,
                    promoCode: order.promoCode, discount: order.totals.discount, promise: order.promise)
                copied.state = order.state
                copied.cancelReason = order.cancelReason
                copied.payments = order.payments
                copied.refunds = order.refunds
                copied.fulfillment = order.fulfillment
                copied.preparingSince = order.preparingSince
                copied.shipment = order.shipment
                copied.scans = order.scans
                copied.deliveredAt = order.deliveredAt
                copied.returns = order.returns
                orders.append(copied)
            }
        }
        var tickets: [SupportTicket] = []
        for id in commerce.ticketIDs {
            guard let ticket = commerce.tickets[id] else { continue }
            for copy in 0..<times {
                tickets.append(SupportTicket(
                    id: "T-\(padded(tickets.count + 1, 4))", customer: newIDs[ticket.customer]?[copy] ?? ticket.customer,
                    orderNumber: newNumbers[ticket.orderNumber]?[copy] ?? ticket.orderNumber, topic: ticket.topic, subject: ticket.subject,
                    messages: ticket.messages, status: ticket.status))
            }
        }
        let replicated = Commerce(
            clockOffsetSeconds: commerce.clockOffsetSeconds, accounts: newAccounts, sessions: [:], orders: orders, tickets: tickets,
            outbox: [], lastMessageSequence: commerce.lastMessageSequence, backOffice: commerce.backOffice)
        return ShopState(catalogue: shop.catalogue, carts: shop.carts, commerce: replicated)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
