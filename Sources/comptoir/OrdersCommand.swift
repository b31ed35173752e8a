import ArgumentParser
import ShopCore
import ShopService
import ShopStore

/// Read commands see shop time caught up in memory, without writing (with `--email`, only the
/// login attempt is journaled, and what shop time made due).
struct OrdersView {
    let state: ShopState
    let now: ShopInstant
    let shopper: Shopper
    let account: Account

    init(data: DataOptions, customer: CustomerOptions) throws {
        let sessionShopper = try customer.session.shopper()
        if customer.email != nil {
            let session = try ShopSession(data: data)
            (shopper, account) = try session.authenticate(customer)
            try session.execute(.catchUp)
            state = session.state
            now = session.now
            return
        }
        let reading = ShopReading(state: try data.openStore(.readOnly).state)
        do {
            account = try reading.customer(sessionShopper)
        } catch {
            throw CommandFailure(error)
        }
        state = reading.state
        now = reading.now
        shopper = sessionShopper
    }

    func order(_ number: String) throws -> Order {
        guard let order = state.commerce.order(numbered: number) else {
            throw CommandFailure(CommerceError.unknownOrder(number).description, status: .refused)
        }
        guard order.customer == account.id else {
            throw CommandFailure(CommerceError.notYourOrder(order.number).description, status: .refused)
        }
        return order
    }
}

struct OrdersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orders", abstract: "List your orders.")
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var customer: CustomerOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            let view = try OrdersView(data: data, customer: customer)
            let orders = view.state.commerce.orders(of: view.account.id)
            if json {
                printJSON(JSONValue.array(orders.map { OrderView.json($0, now: view.now) }))
                return
            }
            guard !orders.isEmpty else { printText("No orders yet."); return }
            let format = MoneyFormatter(locale: data.locale)
            var table = TextTable([
                .init(title: "Order"), .init(title: "Placed"), .init(title: "Total", alignment: .right),
                .init(title: "State"), .init(title: "Payment"), .init(title: "Fulfillment"),
            ])
            for order in orders {
                table.add([order.number, order.placedAt.calendarDay.iso8601, format.format(order.totals.total),
                           order.state.rawValue, order.paymentState.rawValue, order.fulfillment.rawValue])
            }
            printText(table.rendered())
        }
    }
}

struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "order", abstract: "One order.", subcommands: [Show.self],
                                                    defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an order: lines, VAT, payment, parcel, returns.")
        @Argument(help: "The order number.") var order: String
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let view = try OrdersView(data: data, customer: customer)
                let found = try view.order(order)
                if json { printJSON(OrderView.json(found, now: view.now)) } else { printText(OrderView.text(found, locale: data.locale, zone: data.timeZone, now: view.now)) }
            }
        }
    }
}

struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "track", abstract: "Follow an order's parcel, scan by scan.")
    @Argument(help: "The order number.") var order: String
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var customer: CustomerOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            let view = try OrdersView(data: data, customer: customer)
            let found = try view.order(order)
            var parcels: [(String, Shipment, [ScanEvent])] = []
            if let shipment = found.shipment { parcels.append(("Parcel", shipment, found.scans)) }
            for request in found.returns { parcels.append(("Return", request.shipment, request.scans)) }
            if json {
                printJSON(JSONValue.object([
                    ("order", .string(found.number)),
                    ("fulfillment_state", .string(found.fulfillment.rawValue)),
                    ("estimated_delivery", .optional(found.estimatedDelivery(now: view.now)) { .string($0.iso8601) }),
                    ("parcels", .array(parcels.map { kind, shipment, scans in
                        .object([
                            ("kind", .string(kind.lowercased())),
                            ("carrier", .string(shipment.carrier.rawValue)),
                            ("tracking_number", .string(shipment.trackingNumber.value)),
                            ("status", .optional(scans.last) { .string($0.status.rawValue) }),
                            ("scans", .array(scans.map { scan in
                                .object([("status", .string(scan.status.rawValue)), ("time", .string(scan.time.iso8601)),
                                         ("place", .string(scan.place.description)), ("message", .string(scan.message))])
                            })),
                        ])
                    })),
                ]))
                return
            }
            guard !parcels.isEmpty else {
                if let promise = found.activePromise {
                    printText("Order \(found.number) has not shipped yet (\(found.fulfillment.rawValue)); promised between \(promise.lowerBound) and \(promise.upperBound).")
                } else {
                    printText("Order \(found.number) is canceled: nothing was shipped.")
                }
                return
            }
            for (kind, shipment, scans) in parcels {
                printText("\(kind) \(shipment.trackingNumber) — \(shipment.carrier.name)")
                for scan in scans { printText("  \(data.timeZone.dateAndTime(scan.time))  \(scan.status.rawValue.padding(20))  \(scan.message)") }
            }
            if let estimate = found.estimatedDelivery(now: view.now), found.fulfillment == .shipped {
                printText("Estimated delivery: \(estimate)")
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
