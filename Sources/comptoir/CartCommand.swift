import ArgumentParser
import ShopCore
import ShopStore

struct CartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart",
        abstract: "Fill and inspect the guest cart.",
        subcommands: [Add.self, Set.self, Remove.self, Clear.self, Show.self],
        defaultSubcommand: Show.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add units of a product (default: its minimum order).")
        @Argument(help: "The product's SKU.") var sku: String
        @Argument(help: "How many units to add.") var quantity: Int?
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var data: DataOptions

        func validate() throws {
            if let quantity, quantity < 1 {
                throw ValidationError("quantity \(quantity) is not allowed: the quantity must be a positive whole number (1 or more)")
            }
        }

        func run() throws {
            try reportingFailures {
                try CartCommand.change(.addToCart(sku: sku, quantity: quantity), data: data, json: json)
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the quantity of a line (0 removes it).")
        @Argument(help: "The product's SKU.") var sku: String
        @Argument(help: "The new quantity.") var quantity: Int
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var data: DataOptions

        func validate() throws {
            guard quantity >= 0 else {
                throw ValidationError("quantity \(quantity) is not allowed: give a positive whole number, or 0 to remove the line")
            }
        }

        func run() throws {
            try reportingFailures {
                try CartCommand.change(.setCartQuantity(sku: sku, quantity: quantity), data: data, json: json)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a line from the cart.")
        @Argument(help: "The product's SKU.") var sku: String
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures { try CartCommand.change(.removeFromCart(sku: sku), data: data, json: json) }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Empty the cart.")
        @Flag(help: "Print the cart as JSON.") var json = false
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures { try CartCommand.change(.clearCart, data: data, json: json) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cart with its totals and VAT.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                let store = try data.openStore(.readOnly)
                try CartCommand.print(store.state, json: json, locale: data.locale)
            }
        }
    }

    /// Journals the change (fsynced before this returns), then prints the cart.
    static func change(_ command: ShopCommand, data: DataOptions, json: Bool) throws {
        let store = try data.openStore(.readWrite)
        defer { try? store.close() }
        do {
            try store.execute(command)
        } catch {
            throw CommandFailure(error)
        }
        try print(store.state, json: json, locale: data.locale)
    }

    static func print(_ state: ShopState, json: Bool, locale: ShopLocale) throws {
        let summary: CartSummary
        do {
            summary = try CartSummary(cart: state.cart, catalogue: state.catalogue)
        } catch {
            throw CommandFailure(error.description, status: .refused)
        }
        if json { printJSON(CartView.json(summary)) } else { printText(CartView.table(summary, locale: locale)) }
    }
}
