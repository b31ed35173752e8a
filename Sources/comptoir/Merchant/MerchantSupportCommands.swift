import ArgumentParser
import ShopCore
import ShopService
import ShopStore

struct MerchantTicketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets", abstract: "The support inbox: every ticket, or those waiting for an answer.")
    @Flag(help: "Only the tickets waiting for the shop.") var open = false
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            let tickets = desk.service.merchantTickets(waitingOnly: open)
            if json {
                printJSON(.array(tickets.map { ticket in
                    guard case let .object(members) = SupportCommand.json(ticket) else { return SupportCommand.json(ticket) }
                    let customer = desk.commerce.accounts[ticket.customer]?.email.value ?? ticket.customer.rawValue
                    return .object(members + [("customer", .string(customer)), ("waiting", .bool(ticket.status == .open))])
                }))
                return
            }
            guard !tickets.isEmpty else { printText(open ? "No ticket is waiting for an answer." : "No support tickets."); return }
            var table = TextTable([
                .init(title: "Ticket"), .init(title: "Order"), .init(title: "Customer", maxWidth: 30), .init(title: "Topic"),
                .init(title: "Status"), .init(title: "Last message"), .init(title: "Subject", maxWidth: 40),
            ])
            for ticket in tickets {
                let customer = desk.commerce.accounts[ticket.customer]?.email.value ?? ticket.customer.rawValue
                let status = ticket.status == .open ? "waiting" : ticket.status.rawValue
                table.add([ticket.id, ticket.orderNumber, customer, ticket.topic.rawValue, status,
                           ticket.messages.last?.at.description ?? "", ticket.subject])
            }
            printText(table.rendered())
        }
    }
}

struct MerchantReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Answer a ticket: the customer sees it in the shop and gets it by e-mail.")
    @Argument(help: "The ticket number, e.g. T-0001.") var ticket: String
    @Argument(help: "The answer.") var text: String
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            try desk.act(.replyToTicket(ticketID: ticket, text: text))
            if let updated = desk.commerce.tickets[ticket.trimmed.uppercased()] { SupportCommand.print(updated, zone: staff.data.timeZone, reader: .shop) }
        }
    }
}

struct MerchantCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a ticket.")
    @Argument(help: "The ticket number.") var ticket: String
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            try desk.act(.closeTicket(ticketID: ticket))
            printText("Ticket \(ticket.trimmed.uppercased()) is closed.")
        }
    }
}
