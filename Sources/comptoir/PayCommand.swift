import ArgumentParser
import ShopCore
import ShopService
import ShopStore

struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay",
        abstract: "Pay an order again after a failure, confirm a 3-D Secure code, approve a wallet payment.",
        discussion: "Exit status 2: the payment failed (declined, wrong code three times, expired code); pay again another way.",
        subcommands: [Again.self, Confirm.self, Approve.self, Abandon.self],
        defaultSubcommand: Again.self
    )

    struct Again: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "order", abstract: "Start a new payment for an unpaid order.")
        @Argument(help: "The order number.") var order: String
        @OptionGroup var payment: PaymentOptions
        @Flag(help: "Print the order as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
                try session.execute(.pay(orderNumber: order, try payment.request(now: session.now), by: shopper), concerning: order)
                try PayCommand.report(order, session: session, json: json)
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Type the 3-D Secure code your bank sent (see 'comptoir messages').")
        @Argument(help: "The order number.") var order: String
        @Option(help: ArgumentHelp("The 6-digit code.", valueName: "NNNNNN")) var code: String
        @Flag(help: "Print the order as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
                do {
                    try session.service.confirmCode(orderNumber: order, code: code, by: shopper)
                } catch {
                    throw CommandFailure(error)
                }
                try PayCommand.report(order, session: session, json: json)
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve the wallet payment of an order; the shop captures it.")
        @Argument(help: "The order number.") var order: String
        @Flag(help: "Print the order as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try act({ .approveWallet(orderNumber: order, by: $0) }, on: order, customer: customer, data: data, json: json)
        }
    }

    struct Abandon: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give up the payment under way (3-D Secure code, wallet approval, cash reference) to pay another way.")
        @Argument(help: "The order number.") var order: String
        @Flag(help: "Print the order as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try act({ .abandonPayment(orderNumber: order, by: $0) }, on: order, customer: customer, data: data, json: json)
        }
    }

    static func report(_ number: String, session: ShopSession, json: Bool) throws {
        guard let order = session.commerce.order(numbered: number) else { return }
        try OrderOutput.report(order, json: json, locale: session.data.locale, zone: session.data.timeZone, now: session.now)
    }
}

struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "What a cash agent does.", subcommands: [Pay.self])

    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record cash paid against a payment reference.")
        @Argument(help: "The reference, e.g. CMP-7K4Q-9XW2-A.") var reference: String
        @Option(help: ArgumentHelp("The amount received, e.g. 42.50.", valueName: "AMOUNT")) var amount: String
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let session = try ShopSession(data: data)
                let parsed: CashReference
                do { parsed = try CashReference(reference) } catch { throw CommandFailure(String(describing: error), status: .refused) }
                let order = session.commerce.order(cashReference: parsed)
                let currency = order?.totals.currency ?? .eur
                let money: Money
                do { money = try Money.parse(amount, currency: currency) } catch {
                    throw CommandFailure(String(describing: error), status: .usage)
                }
                try session.execute(.recordCash(reference: parsed, amount: money))
                printText("Recorded \(money) against \(parsed) for order \(order?.number ?? "?").")
            }
        }
    }
}

struct CourierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "courier", abstract: "Move shop time for demos and tests.", subcommands: [Advance.self])

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move shop time ahead: parcels move, codes and cash references expire, returns arrive.")
        @Option(help: "Hours to move ahead (at most \(ShopLimits.maximumClockAdvanceHours), 100 years, in all).") var hours: Int = 0
        @Option(help: "Minutes to move ahead (added to --hours).") var minutes: Int = 0
        @OptionGroup var data: DataOptions

        func validate() throws {
            let most = ShopLimits.maximumClockAdvanceHours
            guard (0...most).contains(Int64(hours)) else {
                throw ValidationError("--hours \(hours) is out of range: give 0 to \(most) (100 years)")
            }
            guard (0...most * 60).contains(Int64(minutes)) else {
                throw ValidationError("--minutes \(minutes) is out of range: give 0 to \(most * 60) (100 years)")
            }
        }

        func run() throws {
            try reportingFailures {
                let session = try ShopSession(data: data)
                let seconds = Int64(hours) * 3_600 + Int64(minutes) * 60
                let events = try session.execute(.advanceClock(seconds: seconds))
                let scans = events.reduce(0) { count, event in
                    if case let .commerce(.scansRecorded(_, _, scans)) = event { return count + scans.count }
                    return count
                }
                printText("Shop time is now \(session.now); \(scans) new parcel \(scans == 1 ? "scan" : "scans").")
            }
        }
    }
}

extension ParsableCommand {
    /// Logs in if asked, runs `command` on the order and prints the order.
    fileprivate func act(
        _ command: (Shopper) -> CommerceCommand, on number: String, customer: CustomerOptions, data: DataOptions, json: Bool
    ) throws {
        try reportingFailures {
            let (session, shopper, _) = try ShopSession.forCustomer(customer, data: data)
            try session.execute(command(shopper), concerning: number)
            try PayCommand.report(number, session: session, json: json)
        }
    }
}
