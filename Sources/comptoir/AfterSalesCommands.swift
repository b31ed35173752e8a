import ArgumentParser
import ShopCore
import ShopService
import ShopStore

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel an order before it ships; a paid order is refunded in full.")
    @Argument(help: "The order number.") var order: String
    @OptionGroup var customer: CustomerOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
            try session.execute(.cancelOrder(orderNumber: order, by: shopper))
            guard let canceled = session.commerce.order(numbered: order) else { return }
            let refund = canceled.refunded.isZero ? "" : "; \(canceled.refunded) refunded to \(canceled.refunds[0].method)"
            printText("Order \(canceled.number) is canceled\(refund).")
        }
    }
}

struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Return items within 14 days of delivery (perishable groceries excepted) and get a label.")
    @Argument(help: "The order number.") var order: String
    @Option(help: ArgumentHelp("Return only this product (repeatable); default: everything returnable.", valueName: "SKU"))
    var sku: [String] = []
    @Option(help: "Units to return of each --sku (default: all bought).") var quantity: Int?
    @OptionGroup var customer: CustomerOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        if let quantity, quantity < 1 {
            throw ValidationError("--quantity \(quantity) is not allowed: give a positive whole number of units")
        }
    }

    func run() throws {
        try reportingFailures {
            let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
            var lines: [ReturnLine]?
            if !sku.isEmpty {
                let found = session.commerce.order(numbered: order)
                lines = sku.map { wanted in
                    let returnable = found.flatMap { order in order.lines.first { $0.sku == wanted }.map(order.returnableQuantity) }
                    return ReturnLine(sku: wanted, quantity: quantity ?? returnable ?? 1)
                }
            }
            try session.execute(.requestReturn(orderNumber: order, lines: lines, by: shopper))
            guard let updated = session.commerce.order(numbered: order), let request = updated.returns.last else { return }
            let items = request.lines.map { "\($0.quantity) × \($0.sku)" }.joined(separator: ", ")
            printText("Return label for \(items): \(request.shipment.carrier.name) \(request.shipment.trackingNumber). The refund follows when the parcel reaches us.")
        }
    }
}

struct SupportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support", abstract: "After-sales tickets about an order.",
        subcommands: [Open.self, Reply.self, Close.self, Show.self], defaultSubcommand: Show.self)

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask a question about an order; delivery, returns and payment questions get an answer at once.")
        @Argument(help: "The order number.") var order: String
        @Argument(help: "Your question.") var text: String
        @Option(help: "delivery, returns, refund, payment or other (default: guessed from the question).") var topic: String?
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                var chosen: SupportTopic?
                if let topic {
                    guard let parsed = SupportTopic(rawValue: topic) else {
                        throw CommandFailure("'\(topic)' is not a topic: choose \(SupportTopic.allCases.map(\.rawValue).joined(separator: ", "))", status: .usage)
                    }
                    chosen = parsed
                }
                let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
                let before = Set(session.commerce.ticketIDs)
                try session.execute(.openTicket(orderNumber: order, topic: chosen, text: text, by: shopper))
                guard let id = session.commerce.ticketIDs.first(where: { !before.contains($0) }),
                      let ticket = session.commerce.tickets[id] else { return }
                SupportCommand.print(ticket, zone: data.timeZone)
            }
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a message to a ticket (it opens again).")
        @Argument(help: "The ticket number, e.g. T-0001.") var ticket: String
        @Argument(help: "Your message.") var text: String
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
                try session.execute(.replyToTicket(ticketID: ticket, text: text, by: shopper))
                if let updated = session.commerce.tickets[ticket.uppercased()] { SupportCommand.print(updated, zone: data.timeZone) }
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a ticket.")
        @Argument(help: "The ticket number.") var ticket: String
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
                try session.execute(.closeTicket(ticketID: ticket, by: shopper))
                printText("Ticket \(ticket.uppercased()) is closed.")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one ticket's thread, or list your tickets.")
        @Argument(help: "The ticket number; none lists every ticket.") var ticket: String?
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let view = try OrdersView(data: data, customer: customer)
                var tickets = view.state.commerce.tickets(of: view.account.id)
                if let ticket {
                    tickets = tickets.filter { $0.id == ticket.uppercased() }
                    guard !tickets.isEmpty else {
                        throw CommandFailure(CommerceError.unknownTicket(ticket).description, status: .refused)
                    }
                }
                if json {
                    printJSON(JSONValue.array(tickets.map(SupportCommand.json)))
                } else if tickets.isEmpty {
                    printText("No support tickets. Open one with 'comptoir support open ORDER \"question\"'.")
                } else {
                    for ticket in tickets { SupportCommand.print(ticket, zone: data.timeZone) }
                }
            }
        }
    }

    static func json(_ ticket: SupportTicket) -> JSONValue {
        .object([
            ("id", .string(ticket.id)), ("order", .string(ticket.orderNumber)), ("topic", .string(ticket.topic.rawValue)),
            ("subject", .string(ticket.subject)), ("status", .string(ticket.status.rawValue)),
            ("messages", .array(ticket.messages.map { message in
                .object([("author", .string(message.author.rawValue)), ("at", .string(message.at.iso8601)),
                         ("text", .string(message.text))])
            })),
        ])
    }

    /// The thread for people: each message on its own lines, indented under its author, so a
    /// message cannot pass for another one.
    static func print(_ ticket: SupportTicket, zone: ShopTimeZone, reader: TicketMessage.Author = .customer) {
        printText("Ticket \(ticket.id) about order \(ticket.orderNumber) (\(ticket.topic.rawValue)): \(ticket.status.rawValue)")
        for message in ticket.messages {
            let text = TextSanitizer.clean(message.text, for: .terminalLines)
                .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n      ")
            let author = message.author == .shop ? "Comptoir" : (reader == .customer ? "You" : "Customer")
            printText("  [\(zone.dateAndTime(message.at))] \(author): \(text)")
        }
    }
}

struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages", abstract: "The messages the shop sent to the customer (from the Maildir in DATA/mail).")
    @Flag(help: "Print JSON for programs (each 3-D Secure message also gives its code).") var json = false
    @Option(help: ArgumentHelp("Only messages of this kind, e.g. 3ds-code or password-changed (README lists them).", valueName: "KIND")) var kind: String?
    @Option(help: ArgumentHelp("Only messages about this order.", valueName: "ORDER")) var order: String?
    @OptionGroup var customer: CustomerOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingFailures {
            if let kind, MessageKind(rawValue: kind) == nil {
                let kinds = MessageKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure("--kind '\(TerminalText.sanitize(kind))' is not a kind of message: one of \(kinds)", status: .usage)
            }
            let account = try OrdersView(data: data, customer: customer).account
            let folder = try data.folder()
            var entries: [MailboxEntry]
            do {
                entries = try ShopMailbox(dataFolder: folder.path).messages(of: account)
            } catch {
                throw CommandFailure(error)
            }
            if let kind { entries = entries.filter { $0.kind == kind } }
            if let order { entries = entries.filter { $0.orderNumber == order.uppercased() } }
            if json {
                printJSON(JSONValue.array(entries.map { entry in
                    .object([
                        ("key", .string(entry.key)), ("date", .optional(entry.date) { .string($0.iso8601) }),
                        ("from", .string(entry.from)), ("to", .string(entry.to)), ("subject", .string(entry.subject)),
                        ("kind", .optional(entry.kind) { .string($0) }), ("order", .optional(entry.orderNumber) { .string($0) }),
                        ("code", .optional(entry.kind == MessageKind.threeDSecureCode.rawValue ? ShopMailbox.code(in: entry.body) : nil) { .string($0) }),
                        ("read", .bool(entry.isRead)), ("body", .string(entry.body)),
                    ])
                }))
                return
            }
            guard !entries.isEmpty else { printText("No messages."); return }
            for entry in entries {
                printText("\(entry.date.map { data.timeZone.dateAndTime($0) } ?? "?")  \(TerminalText.sanitize(entry.subject))")
            }
        }
    }
}
