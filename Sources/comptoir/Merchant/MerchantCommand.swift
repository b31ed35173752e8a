import ArgumentParser
import Foundation
import ShopCore
import ShopService
import ShopStore

/// `comptoir merchant …`: the back office on the command line, for the shop's staff.
struct MerchantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merchant",
        abstract: "The back office, for the shop's staff: orders, support, stock, prices, promotions, customers, sales.",
        discussion: """
            'comptoir merchant' alone opens the back office in the terminal (a login form, or --email STAFF with \
            COMPTOIR_PASSWORD). Every command takes --email STAFF and the password from COMPTOIR_PASSWORD (or asked without \
            echo). The first owner is created by whoever can write the data folder: \
            'comptoir merchant staff add --email E --name N'.
            """,
        subcommands: [
            MerchantOpenCommand.self, MerchantStaffCommand.self, MerchantAuditCommand.self, MerchantSettingsCommand.self,
            MerchantOrdersCommand.self, MerchantShipCommand.self, MerchantReceiveCommand.self, MerchantRefundCommand.self,
            MerchantTicketsCommand.self, MerchantReplyCommand.self, MerchantCloseCommand.self,
            MerchantStockCommand.self, MerchantPriceCommand.self, MerchantUnlistCommand.self, MerchantRelistCommand.self,
            MerchantPromoCommand.self, MerchantCustomersCommand.self, MerchantCustomerCommand.self, MerchantReportCommand.self,
        ],
        defaultSubcommand: MerchantOpenCommand.self
    )
}

/// `--email STAFF` and `--data DIR`, taken by every merchant command.
struct StaffOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The member of staff who acts; the password comes from COMPTOIR_PASSWORD or a prompt.", valueName: "STAFF"))
    var email: String?

    @OptionGroup var data: DataOptions
}

/// A back-office command's conversation with the shop: the store open, the member of staff
/// logged in for this one command, and shop time caught up.
struct MerchantDesk {
    let session: ShopSession
    let staff: StaffMember

    var service: ShopService { session.service }
    var state: ShopState { session.state }
    var commerce: Commerce { session.commerce }
    var now: ShopInstant { session.now }
    var locale: ShopLocale { session.data.locale }

    init(_ options: StaffOptions) throws {
        guard let email = options.email else {
            throw CommandFailure("give --email STAFF: the back office acts as a member of staff", status: .usage)
        }
        session = try ShopSession(data: options.data)
        do {
            if session.service.needsFirstOwner { throw ServiceError.merchant(.noStaffYet) }
            staff = try session.service.authenticateStaff(email: email, password: try PasswordInput.read(prompt: "Password: "))
        } catch {
            throw CommandFailure(error)
        }
        try session.execute(.catchUp)
    }

    /// Does `action` as the member of staff.
    func act(_ action: MerchantAction, concerning order: String? = nil) throws {
        try session.execute(.merchant(action, staff: staff.email), concerning: order)
    }

    func money(_ amount: Money) -> String { MoneyFormatter(locale: locale).format(amount) }

    /// An amount typed in the shop's currency, e.g. `12.90` or `12,90`.
    func amount(_ text: String, option: String) throws -> Money {
        try MerchantArguments.amount(text, option: option, currency: shopCurrency)
    }

    /// The currency of the catalogue's prices.
    var shopCurrency: Currency { state.catalogue.products.first?.price.currency ?? .eur }
}

enum MerchantArguments {
    static func amount(_ text: String, option: String, currency: Currency) throws -> Money {
        do {
            return try Money.parse(text, currency: currency)
        } catch {
            throw CommandFailure("\(option) \(Quote.value(text)) is not an amount: give it like 12.90", status: .usage)
        }
    }

    /// `2026-12-31`.
    static func day(_ text: String, option: String) throws -> CalendarDay {
        guard let day = CalendarDay(iso8601: text) else {
            throw CommandFailure("\(option) \(Quote.value(text)) is not a date: give it as YYYY-MM-DD, like 2026-12-31", status: .usage)
        }
        return day
    }

    static func instant(_ instant: ShopInstant?) -> JSONValue { .optional(instant) { .string($0.iso8601) } }
}

extension String {
    /// Without the spaces around it, as the shop reads SKUs, codes and addresses.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
