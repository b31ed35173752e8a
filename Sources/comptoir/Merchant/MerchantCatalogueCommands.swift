import ArgumentParser
import ShopCore
import ShopService
import ShopStore

struct MerchantStockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock", abstract: "Set the units on the shelf of a product (reserved units included).")
    @Argument(help: "The product's SKU.") var sku: String
    @Argument(help: "Units on the shelf.") var quantity: Int
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            try desk.act(.setStock(sku: sku, onHand: quantity))
            guard let product = desk.state.catalogue.product(sku: sku.trimmed) else { return }
            printText("\(product.sku): \(product.stockOnHand) on the shelf, \(product.availableStock) available (\(product.reservedStock) reserved).")
        }
    }
}

struct MerchantPriceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price", abstract: "Set a product's price, VAT included. Placed orders keep the price they were sold at.")
    @Argument(help: "The product's SKU.") var sku: String
    @Argument(help: "The price, VAT included, e.g. 12.90.") var amount: String
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            let currency = desk.state.catalogue.product(sku: sku.trimmed)?.price.currency ?? desk.shopCurrency
            let price = try MerchantArguments.amount(amount, option: "AMOUNT", currency: currency)
            try desk.act(.setPrice(sku: sku, price: price))
            printText("\(sku.trimmed) now costs \(desk.money(price)), VAT included.")
        }
    }
}

struct MerchantUnlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlist", abstract: "Take a product off sale: search no longer finds it and carts cannot order it.")
    @Argument(help: "The product's SKU.") var sku: String
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            try desk.act(.setListed(sku: sku, listed: false))
            printText("\(sku.trimmed) is off sale.")
        }
    }
}

struct MerchantRelistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "relist", abstract: "Put an unlisted product back on sale.")
    @Argument(help: "The product's SKU.") var sku: String
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            try desk.act(.setListed(sku: sku, listed: true))
            printText("\(sku.trimmed) is on sale again.")
        }
    }
}

struct MerchantPromoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promo", abstract: "Promotion codes: add, list, end (owners only to change them).",
        subcommands: [Add.self, List.self, End.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a promotion code.")
        @Argument(help: "The code, 3 to 20 letters and digits.") var code: String
        @Option(help: "Percentage off the goods, e.g. 10 or 12.5.") var percent: String?
        @Option(help: "Amount off the goods, VAT included, e.g. 5.00.") var amount: String?
        @Option(help: "Minimum goods total for the code to apply, e.g. 30.00.") var minimum: String?
        @Option(help: ArgumentHelp("The last day the code works (default: no end).", valueName: "YYYY-MM-DD")) var until: String?
        @Flag(help: "Each account may use the code on one order only.") var oncePerCustomer = false
        @OptionGroup var staff: StaffOptions

        func validate() throws {
            if (percent == nil) == (amount == nil) {
                throw ValidationError("give either --percent P or --amount A")
            }
        }

        func run() throws {
            try reportingFailures {
                let lastDay = try until.map { try MerchantArguments.day($0, option: "--until") } ?? PromoCode.latestLastDay
                let desk = try MerchantDesk(staff)
                let currency = desk.shopCurrency
                let benefit: PromoCode.Benefit
                if let percent {
                    let basisPoints = try MerchantArguments.amount(percent, option: "--percent", currency: .eur).minorUnits
                    benefit = .percent(basisPoints: basisPoints)
                } else {
                    benefit = .fixed(minorUnits: try MerchantArguments.amount(amount ?? "", option: "--amount", currency: currency).minorUnits)
                }
                let minimumBasket = try minimum.map { try MerchantArguments.amount($0, option: "--minimum", currency: currency).minorUnits } ?? 0
                let promo = PromoCode(code: code.trimmed, benefit: benefit, minimumBasket: minimumBasket, lastDay: lastDay,
                                      oncePerCustomer: oncePerCustomer)
                try desk.act(.addPromotion(promo))
                printText("The code \(promo.code) gives \(MerchantPromoCommand.describe(promo, currency: desk.shopCurrency, money: desk.money)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the promotion codes.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var staff: StaffOptions

        func run() throws {
            try reportingFailures {
                let desk = try MerchantDesk(staff)
                let today = desk.now.calendarDay
                let codes = desk.commerce.backOffice.promotions
                if json {
                    printJSON(.array(codes.map { MerchantPromoCommand.json($0, today: today, currency: desk.shopCurrency) }))
                    return
                }
                var table = TextTable([.init(title: "Code"), .init(title: "Benefit"), .init(title: "Until"), .init(title: "Uses"), .init(title: "Status")])
                for code in codes {
                    table.add([code.code, MerchantPromoCommand.describe(code, currency: desk.shopCurrency, money: desk.money),
                               code.lastDay == PromoCode.latestLastDay ? "no end" : code.lastDay.description,
                               code.oncePerCustomer ? "once per customer" : "unlimited", MerchantPromoCommand.status(code, today: today)])
                }
                printText(table.rendered())
            }
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a promotion code now.")
        @Argument(help: "The code.") var code: String
        @OptionGroup var staff: StaffOptions

        func run() throws {
            try reportingFailures {
                let desk = try MerchantDesk(staff)
                try desk.act(.endPromotion(code: code))
                printText("The code \(code.trimmed.uppercased()) has ended.")
            }
        }
    }

    static func status(_ code: PromoCode, today: CalendarDay) -> String {
        if code.endedAt != nil { return "ended" }
        return code.isActive(today: today) ? "active" : "expired"
    }

    static func describe(_ code: PromoCode, currency: Currency, money: (Money) -> String) -> String {
        var text: String
        switch code.benefit {
        case let .percent(basisPoints):
            text = "\(basisPoints / 100)\(basisPoints % 100 == 0 ? "" : "." + String(format2: basisPoints % 100)) % off"
        case let .fixed(minorUnits): text = "\(money(Money(minorUnits: minorUnits, currency: currency))) off"
        }
        if code.minimumBasket > 0 { text += " from \(money(Money(minorUnits: code.minimumBasket, currency: currency)))" }
        return text
    }

    static func json(_ code: PromoCode, today: CalendarDay, currency: Currency) -> JSONValue {
        var members: [(String, JSONValue)] = [("code", .string(code.code))]
        switch code.benefit {
        case let .percent(basisPoints): members += [("kind", .string("percent")), ("percent_basis_points", .int(basisPoints))]
        case let .fixed(minorUnits): members += [("kind", .string("amount")), ("amount_cents", .int(minorUnits))]
        }
        members += [
            ("minimum_cents", .int(code.minimumBasket)),
            ("until", code.lastDay == PromoCode.latestLastDay ? .null : .string(code.lastDay.iso8601)),
            ("once_per_customer", .bool(code.oncePerCustomer)),
            ("status", .string(status(code, today: today))),
            ("ended_at", MerchantArguments.instant(code.endedAt)),
        ]
        return .object(members)
    }
}

extension String {
    /// `5` -> `05`, `50` -> `5`: the decimals of a percentage, trailing zero dropped.
    init(format2 value: Int64) {
        let text = value < 10 ? "0\(value)" : "\(value)"
        self = text.hasSuffix("0") ? String(text.dropLast()) : text
    }
}
