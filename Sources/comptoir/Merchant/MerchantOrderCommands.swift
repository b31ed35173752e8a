import ArgumentParser
import ShopCore
import ShopService
import ShopStore

struct MerchantOrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orders", abstract: "The shop's orders, by state.")
    @Option(help: ArgumentHelp("unpaid, to-ship, shipped, returns, canceled or all.", valueName: "STATE")) var state = "to-ship"
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            var queue: OrderQueue?
            if state.lowercased() != "all" {
                guard let parsed = OrderQueue(rawValue: state.lowercased()) else {
                    throw CommandFailure("--state \(Quote.value(state)) is not a state: choose unpaid, to-ship, shipped, returns, canceled or all", status: .usage)
                }
                queue = parsed
            }
            let desk = try MerchantDesk(staff)
            let orders = desk.service.merchantOrders(in: queue)
            if json {
                printJSON(.array(orders.map { Self.json($0, in: desk.commerce) }))
                return
            }
            guard !orders.isEmpty else { printText("No orders in \(queue?.rawValue ?? "the shop")."); return }
            var table = TextTable([
                .init(title: "Order"), .init(title: "Placed"), .init(title: "Customer", maxWidth: 30), .init(title: "State"),
                .init(title: "Payment"), .init(title: "Total", alignment: .right), .init(title: "Tracking"),
            ])
            for order in orders {
                let customer = desk.commerce.accounts[order.customer]?.email.value ?? order.customer.rawValue
                table.add([order.number, order.placedAt.description, customer, OrderQueue(order).rawValue, order.paymentState.label,
                           desk.money(order.totals.total), order.shipment.map { "\($0.carrier.name) \($0.trackingNumber)" } ?? ""])
            }
            printText(table.rendered())
        }
    }

    static func json(_ order: Order, in commerce: Commerce) -> JSONValue {
        .object([
            ("number", .string(order.number)),
            ("customer", .string(commerce.accounts[order.customer]?.email.value ?? order.customer.rawValue)),
            ("placed_at", .string(order.placedAt.iso8601)),
            ("queue", .string(OrderQueue(order).rawValue)),
            ("state", .string(order.state.rawValue)),
            ("payment_state", .string(order.paymentState.rawValue)),
            ("fulfillment_state", .string(order.fulfillment.rawValue)),
            ("total_cents", .int(order.totals.total.minorUnits)),
            ("refunded_cents", .int(order.refunded.minorUnits)),
            ("currency", .string(order.totals.currency.code)),
            ("items", .int(order.lines.reduce(0) { $0 + $1.quantity })),
            ("tracking_number", .optional(order.shipment) { .string($0.trackingNumber.value) }),
            ("carrier", .optional(order.shipment) { .string($0.carrier.name) }),
            ("returns_awaiting", .int(order.returns.filter { $0.receivedAt == nil }.count)),
        ])
    }
}

struct MerchantShipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ship", abstract: "Hand a paid order to the courier: it gets a tracking number and the customer is told.")
    @Argument(help: "The order number.") var order: String
    @Option(help: ArgumentHelp("Colis Rapide, Pélican Express or Estafette (default: the delivery method's).", valueName: "NAME"))
    var carrier: String?
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            var chosen: Carrier?
            if let carrier {
                let wanted = TextFolding.fold(carrier)
                chosen = Carrier.allCases.first { TextFolding.fold($0.name) == wanted || $0.rawValue == wanted.replacingOccurrences(of: " ", with: "_") || TextFolding.fold($0.name).hasPrefix(wanted) }
                guard chosen != nil else {
                    let names = Carrier.allCases.map(\.name).joined(separator: ", ")
                    throw CommandFailure("--carrier \(Quote.value(carrier)) is not a carrier of the shop: choose \(names)", status: .usage)
                }
            }
            let desk = try MerchantDesk(staff)
            try desk.act(.ship(orderNumber: order, carrier: chosen), concerning: order)
            guard let shipped = desk.commerce.order(numbered: order), let shipment = shipped.shipment else { return }
            printText("Order \(shipped.number) shipped with \(shipment.carrier.name): tracking number \(shipment.trackingNumber).")
        }
    }
}

struct MerchantReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: "Record a return parcel received: its items go back to stock and are refunded.")
    @Argument(help: "The order number.") var order: String
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            let before = desk.commerce.order(numbered: order)?.refunded
            try desk.act(.receiveReturn(orderNumber: order), concerning: order)
            guard let updated = desk.commerce.order(numbered: order) else { return }
            let refunded = Money(minorUnits: updated.refunded.minorUnits - (before?.minorUnits ?? 0), currency: updated.totals.currency)
            printText("Return of \(updated.number) received" + (refunded.isZero ? "." : "; \(desk.money(refunded)) refunded."))
        }
    }
}

struct MerchantRefundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refund", abstract: "A goodwill refund to the original payment method, never above what was paid and not yet refunded.")
    @Argument(help: "The order number.") var order: String
    @Option(help: "The amount, VAT included, e.g. 5.00.") var amount: String
    @Option(help: "Why, told to the customer.") var reason: String
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            let currency = desk.commerce.order(numbered: order)?.totals.currency ?? desk.shopCurrency
            let money = try MerchantArguments.amount(amount, option: "--amount", currency: currency)
            try desk.act(.refund(orderNumber: order, amount: money, reason: reason), concerning: order)
            guard let updated = desk.commerce.order(numbered: order) else { return }
            printText("Refunded \(desk.money(money)) on \(updated.number) (\(updated.paymentState.label); \(desk.money(updated.refundable)) left refundable).")
        }
    }
}
