import ArgumentParser
import ShopCore
import ShopService
import ShopStore

struct MerchantCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "Every customer: orders, money spent, average basket, last order, returns, open tickets, consent.")
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            let customers = desk.service.customerSummaries()
            if json {
                printJSON(.array(customers.map(Self.json)))
                return
            }
            guard !customers.isEmpty else { printText("No customers yet."); return }
            var table = TextTable([
                .init(title: "Email", maxWidth: 32), .init(title: "Name", maxWidth: 24), .init(title: "Orders", alignment: .right),
                .init(title: "Spent", alignment: .right), .init(title: "Average", alignment: .right), .init(title: "Last order"),
                .init(title: "Returns", alignment: .right), .init(title: "Open tickets", alignment: .right), .init(title: "Marketing"),
            ])
            for customer in customers {
                table.add([
                    customer.account.email.value, customer.account.name, "\(customer.orders)", desk.money(customer.totalSpent),
                    desk.money(customer.averageBasket), customer.lastOrderAt?.description ?? "—", "\(customer.returns)",
                    "\(customer.openTickets)", customer.marketingConsentAt == nil ? "no" : "yes",
                ])
            }
            printText(table.rendered())
        }
    }

    static func json(_ customer: CustomerSummary) -> JSONValue {
        .object([
            ("email", .string(customer.account.email.value)),
            ("name", .string(customer.account.name)),
            ("orders", .int(customer.orders)),
            ("paid_orders", .int(customer.paidOrders)),
            ("total_spent_cents", .int(customer.totalSpent.minorUnits)),
            ("average_basket_cents", .int(customer.averageBasket.minorUnits)),
            ("currency", .string(customer.totalSpent.currency.code)),
            ("last_order_at", MerchantArguments.instant(customer.lastOrderAt)),
            ("returns", .int(customer.returns)),
            ("open_tickets", .int(customer.openTickets)),
            ("marketing_consent", .bool(customer.marketingConsentAt != nil)),
            ("marketing_consent_at", MerchantArguments.instant(customer.marketingConsentAt)),
        ])
    }
}

struct MerchantCustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "One customer, with their orders and tickets.")
    @Argument(help: "The customer's email.") var customer: String
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            guard let account = desk.commerce.account(email: customer) else {
                throw CommandFailure("no customer has the address \(Quote.value(customer)): see 'comptoir merchant customers'", status: .refused)
            }
            let summary = CustomerSummary(account, in: desk.commerce)
            let orders = desk.commerce.orders(of: account.id)
            let tickets = desk.commerce.tickets(of: account.id)
            if json {
                guard case let .object(members) = MerchantCustomersCommand.json(summary) else { return }
                printJSON(.object(members + [
                    ("order_history", .array(orders.map { MerchantOrdersCommand.json($0, in: desk.commerce) })),
                    ("tickets", .array(tickets.map(SupportCommand.json))),
                ]))
                return
            }
            printText("\(TerminalText.sanitize(account.name)) <\(account.email.value)>, \(TerminalText.sanitize(account.address.city)) (\(account.address.country.code))")
            printText("Orders: \(summary.orders) (\(summary.paidOrders) paid), spent \(desk.money(summary.totalSpent)), average basket \(desk.money(summary.averageBasket))")
            printText("Returns: \(summary.returns); open tickets: \(summary.openTickets); marketing: "
                + (summary.marketingConsentAt.map { "agreed on \($0)" } ?? "no consent"))
            for order in orders {
                printText("  \(order.number)  \(order.placedAt)  \(OrderQueue(order).rawValue)  \(order.paymentState.label)  \(desk.money(order.totals.total))")
            }
            for ticket in tickets {
                printText("  \(ticket.id)  \(ticket.orderNumber)  \(ticket.status == .open ? "waiting" : ticket.status.rawValue)  \(TerminalText.sanitize(ticket.subject))")
            }
        }
    }
}

struct MerchantReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Sales: revenue with and without VAT, orders, average basket, refunds, top products, conversion, per day.")
    @Option(help: ArgumentHelp("First day included.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Last day included.", valueName: "YYYY-MM-DD")) var to: String?
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let first = try from.map { try MerchantArguments.day($0, option: "--from") }
            let last = try to.map { try MerchantArguments.day($0, option: "--to") }
            if let first, let last, last < first {
                throw CommandFailure("--to \(last) is before --from \(first): give the first day first", status: .usage)
            }
            let desk = try MerchantDesk(staff)
            let report = desk.service.salesReport(from: first, to: last)
            if json {
                printJSON(Self.json(report))
                return
            }
            let period = "\(first?.description ?? "the first day") to \(last?.description ?? "today")"
            printText("Sales from \(period)")
            printText("Revenue: \(desk.money(report.revenue)) VAT included, \(desk.money(report.revenueWithoutVAT)) without VAT (VAT \(desk.money(report.vat)))")
            printText("Orders paid: \(report.orders); average basket \(desk.money(report.averageBasket)); refunds \(desk.money(report.refunds))")
            printText("Conversion: \(report.ordersPlaced) orders placed, \(report.openCarts) carts still open: \(Self.percent(report.conversionBasisPoints))")
            if !report.topProducts.isEmpty {
                var table = TextTable([.init(title: "Top products"), .init(title: "Title", maxWidth: 40), .init(title: "Units", alignment: .right), .init(title: "Revenue", alignment: .right)])
                for product in report.topProducts { table.add([product.sku, product.title, "\(product.quantity)", desk.money(product.revenue)]) }
                printText(table.rendered())
            }
            if !report.days.isEmpty {
                var table = TextTable([.init(title: "Day"), .init(title: "Orders", alignment: .right), .init(title: "Revenue", alignment: .right)])
                for day in report.days { table.add([day.day.description, "\(day.orders)", desk.money(day.revenue)]) }
                printText(table.rendered())
            }
        }
    }

    static func percent(_ basisPoints: Int) -> String {
        "\(basisPoints / 100).\(basisPoints % 100 < 10 ? "0" : "")\(basisPoints % 100) %"
    }

    static func json(_ report: SalesReport) -> JSONValue {
        .object([
            ("from", .optional(report.from) { .string($0.iso8601) }),
            ("to", .optional(report.to) { .string($0.iso8601) }),
            ("currency", .string(report.revenue.currency.code)),
            ("revenue_cents", .int(report.revenue.minorUnits)),
            ("revenue_without_vat_cents", .int(report.revenueWithoutVAT.minorUnits)),
            ("vat_cents", .int(report.vat.minorUnits)),
            ("orders", .int(report.orders)),
            ("average_basket_cents", .int(report.averageBasket.minorUnits)),
            ("refunds_cents", .int(report.refunds.minorUnits)),
            ("orders_placed", .int(report.ordersPlaced)),
            ("open_carts", .int(report.openCarts)),
            ("conversion_basis_points", .int(report.conversionBasisPoints)),
            ("top_products", .array(report.topProducts.map { product in
                .object([("sku", .string(product.sku)), ("title", .string(product.title)), ("quantity", .int(product.quantity)),
                         ("revenue_cents", .int(product.revenue.minorUnits))])
            })),
            ("days", .array(report.days.map { day in
                .object([("day", .string(day.day.iso8601)), ("orders", .int(day.orders)), ("revenue_cents", .int(day.revenue.minorUnits))])
            })),
        ])
    }
}
