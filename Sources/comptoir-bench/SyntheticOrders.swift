import Foundation
import ShopCore
import ShopStore

/// Fills a store with a realistic trade history for the start and store benchmarks, through the
/// same commands the shop runs (so every order is one the domain accepted): customers register,
/// fill carts with one to three in-stock products, check out over the last `days` of shop time
/// and pay — three in four by card, one in seven by wallet (approved), the rest cash at an agent
/// (most of it paid at the counter, some left to lapse) — and a few return what they bought or
/// write to support. Parcels travel as the shop clock moves on; the mail the shop decided to send
/// counts as delivered, as the mailbox writer would have it.
///
/// Commands go in batches through `Store.executeAll` (one write, one fsync each); what needs an
/// order's number (approving a wallet payment, recording cash) follows in the batch after.
enum SyntheticOrders {
    struct Summary {
        var customers = 0
        var orders = 0
        var refused = 0
        /// The first few reasons the domain gave for refusing.
        var refusalExamples: [String] = []
    }

    static func place(
        _ count: Int, overDays days: Int, in store: Store, endingAt end: ShopInstant, seed: UInt64, progress: (Int) -> Void = { _ in }
    ) throws -> Summary {
        var generator = SplitMix64(seed: seed)
        var summary = Summary()
        let window = Int64(max(1, days)) * 86_400
        let ordersPerDay = max(1, count / max(1, days))
        let start = end.adding(seconds: -window)
        let inStock = store.state.catalogue.products.indices.filter { store.state.catalogue.products[$0].stockOnHand > 0 }
        guard !inStock.isEmpty else { throw SyntheticOrdersError.noStock }
        let customerCount = max(1, count / 4)
        var entropy: UInt64 = seed
        func at(_ orderIndex: Int) -> ShopInstant {
            start.adding(seconds: window * Int64(orderIndex) / Int64(max(count, 1)))
        }
        func commerce(_ command: CommerceCommand, at instant: ShopInstant) -> ShopCommand {
            entropy &+= 0x9E37_79B9_7F4A_7C15
            return .commerce(command, at: instant, entropy: entropy)
        }

        var batch: [ShopCommand] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            let results = try store.executeAll(batch)
            for case let .failure(error) in results {
                summary.refused += 1
                if summary.refusalExamples.count < 3 { summary.refusalExamples.append(error.description) }
            }
            batch.removeAll(keepingCapacity: true)
        }

        for customer in 0..<customerCount {
            let registration = try AccountRegistration(
                name: "Client \(customer)", email: "client\(customer)@example.org", password: "Bench-password-\(customer)-x",
                line1: "\(1 + customer % 200) rue des Essais", postalCode: String(format: "%05d", 1_000 + customer % 94_000),
                city: "Paris", countryCode: "FR")
            batch.append(commerce(.register(registration, passwordHash: PasswordHash(encoded: "scrypt$bench"), session: "bench-\(customer)"),
                                  at: start))
            if batch.count >= 2_000 { try flush() }
        }
        try flush()
        summary.customers = customerCount

        // A batch spans at most a day of shop time, so what follows an order (cash paid at the agent)
        // comes within a day of it.
        let batchSize = min(1_000, ordersPerDay)
        var placed = 0
        while placed < count {
            let firstNew = store.state.commerce.orderNumbers.count
            for orderIndex in placed..<min(count, placed + batchSize) {
                let shopper = Shopper.session("bench-\(Int.random(in: 0..<customerCount, using: &generator))")
                let instant = at(orderIndex)
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let product = store.state.catalogue.products[inStock[Int.random(in: 0..<inStock.count, using: &generator)]]
                    batch.append(.addToCart(sku: product.sku, quantity: 1, by: shopper))
                }
                let roll = Int.random(in: 0..<100, using: &generator)
                let payment: PaymentRequest
                if roll < 75 {
                    payment = .card(CardEntry(try CardDetails(number: "4242424242424242", expiry: "12/30", securityCode: "123", now: instant)))
                } else if roll < 90 {
                    payment = .wallet(payer: "wallet\(roll)@example.org")
                } else {
                    payment = .cash
                }
                let delivery: DeliveryMethod = roll % 5 == 0 ? .express : (roll % 7 == 0 ? .relay : .standard)
                batch.append(commerce(.placeOrder(CheckoutRequest(delivery: delivery, acceptsTerms: true, payment: payment), by: shopper),
                                      at: instant))
            }
            placed = min(count, placed + batchSize)
            try flush()
            followUp(newOrdersFrom: firstNew, ordersPerDay: ordersPerDay, in: store, at: at(placed - 1), generator: &generator, commerce: commerce, into: &batch)
            try flush()
            batch.append(commerce(.markMessagesDelivered(upTo: store.state.commerce.lastMessageSequence), at: at(placed - 1)))
            try flush()
            progress(placed)
        }
        batch.append(commerce(.catchUp, at: end))
        try flush()
        batch.append(commerce(.markMessagesDelivered(upTo: store.state.commerce.lastMessageSequence), at: end))
        try flush()
        summary.orders = store.state.commerce.orderNumbers.count
        return summary
    }

    /// What follows the orders just placed: wallet approvals, cash paid at the counter (four in five),
    /// a return for one delivered order in forty and a support message for one order in fifty.
    private static func followUp(
        newOrdersFrom first: Int, ordersPerDay: Int, in store: Store, at instant: ShopInstant, generator: inout SplitMix64,
        commerce: (CommerceCommand, ShopInstant) -> ShopCommand, into batch: inout [ShopCommand]
    ) {
        let commerceState = store.state.commerce
        let numbers = commerceState.orderNumbers
        for number in numbers[first...] {
            guard let order = commerceState.orders[number] else { continue }
            switch order.currentPayment {
            case .wallet?:
                batch.append(commerce(.approveWallet(orderNumber: number, by: .account(order.customer)), instant))
            case let .cash(cash)? where Int.random(in: 0..<5, using: &generator) > 0:
                batch.append(commerce(.recordCash(reference: cash.reference, amount: cash.amount), instant))
            default:
                break
            }
            if Int.random(in: 0..<50, using: &generator) == 0 {
                batch.append(commerce(.openTicket(orderNumber: number, topic: nil, text: "Could you tell me when order \(number) leaves?",
                                                  by: .account(order.customer)), instant))
            }
        }
        // Returns: among the orders placed a week before this batch (as many as it has), those delivered.
        let batchCount = numbers.count - first
        let weekEarlier = max(0, first - 7 * ordersPerDay)
        for number in numbers[max(0, weekEarlier - batchCount)..<weekEarlier] where Int.random(in: 0..<40, using: &generator) == 0 {
            guard let order = commerceState.orders[number], order.deliveredAt != nil else { continue }
            batch.append(commerce(.requestReturn(orderNumber: number, lines: nil, by: .account(order.customer)), instant))
        }
    }
}

enum SyntheticOrdersError: Error, CustomStringConvertible {
    case noStock

    var description: String { "the catalogue has no product in stock: no order can be placed" }
}
