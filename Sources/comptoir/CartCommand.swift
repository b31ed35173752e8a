import ArgumentParser
import ShopCore
import ShopStore

struct CartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart",
        abstract: "Fill and inspect the cart of a session (or of an account with --email).",
        subcommands: [Add.self, Set.self, Remove.self, Clear.self, Show.self],
        defaultSubcommand: Show.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add units of a product (default: its minimum order).")
        @Argument(help: "The product's SKU.") var sku: String
        @Argument(help: "How many units to add.") var quantity: Int?
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func validate() throws {
            if let quantity, quantity < 1 {
                throw ValidationError("quantity \(quantity) is not allowed: the quantity must be a positive whole number (1 or more)")
            }
        }

        func run() throws {
            try reportingFailures {
                try CartCommand.change({ .addToCart(sku: sku, quantity: quantity, by: $0) }, customer: customer, data: data, json: json)
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the quantity of a line (0 removes it).")
        @Argument(help: "The product's SKU.") var sku: String
        @Argument(help: "The new quantity.") var quantity: Int
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func validate() throws {
            guard quantity >= 0 else {
                throw ValidationError("quantity \(quantity) is not allowed: give a positive whole number, or 0 to remove the line")
            }
        }

        func run() throws {
            try reportingFailures {
                try CartCommand.change({ .setCartQuantity(sku: sku, quantity: quantity, by: $0) }, customer: customer, data: data, json: json)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a line from the cart.")
        @Argument(help: "The product's SKU.") var sku: String
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures { try CartCommand.change({ .removeFromCart(sku: sku, by: $0) }, customer: customer, data: data, json: json) }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Empty the cart.")
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures { try CartCommand.change({ .clearCart(by: $0) }, customer: customer, data: data, json: json) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cart with its totals and VAT.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var customer: CustomerOptions
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let sessionShopper = try customer.session.shopper()
                if customer.email != nil {
                    let session = try ShopSession(data: data)
                    let shopper = try session.shopper(customer)
                    try CartCommand.print(session.state, of: shopper, json: json, locale: data.locale)
                } else {
                    let store = try data.openStore(.readOnly)
                    try CartCommand.print(store.state, of: sessionShopper, json: json, locale: data.locale)
                }
            }
        }
    }

    /// Journals the change made by whoever acts (fsynced before this returns), then prints their cart.
    static func change(
        _ command: (Shopper) -> ShopCommand, customer: CustomerOptions, data: DataOptions, json: Bool
    ) throws {
        _ = try customer.session.shopper()
        let session = try ShopSession(data: data)
        let shopper = try session.shopper(customer)
        do {
            try session.service.execute(command(shopper))
        } catch {
            throw CommandFailure(error)
        }
        try print(session.state, of: shopper, json: json, locale: data.locale)
    }

    static func print(_ state: ShopState, of shopper: Shopper, json: Bool, locale: ShopLocale) throws {
        let summary: CartSummary
        do {
            summary = try CartSummary(cart: state.cart(of: shopper), catalogue: state.catalogue)
        } catch {
            throw CommandFailure(error.description, status: .refused)
        }
        let changes = state.priceChanges(in: shopper)
        if json {
            guard case let .object(members) = CartView.json(summary) else { return }
            printJSON(.object(members + [("price_changes", CartView.json(changes))]))
        } else {
            printText(CartView.table(summary, locale: locale))
            for line in CartView.notices(changes, locale: locale) { printText(line) }
        }
    }
}
