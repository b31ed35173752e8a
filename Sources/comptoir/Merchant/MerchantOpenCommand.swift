import ArgumentParser
import Foundation
import NCursesTerminal
import ShopCore
import ShopPostgres
import ShopStore

/// `comptoir merchant` (or `merchant open`): the back office in the terminal, for the shop's staff.
struct MerchantOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the back office in the terminal (what 'comptoir merchant' alone does).",
        discussion: "Panes: Orders, Support, Catalogue & stock, Promotions, Customers, Dashboard; ? lists the keys.")

    @Option(help: ArgumentHelp(
        "Log in as this member of staff with the password in COMPTOIR_PASSWORD; without it the back office asks.", valueName: "STAFF"))
    var email: String?

    @Option(help: ArgumentHelp("A bundled or user theme name, or the path of a theme file (see 'comptoir themes').", valueName: "NAME|FILE"))
    var theme: String?

    @OptionGroup var data: DataOptions

    /// Opens the back office; logs in at once with --email and COMPTOIR_PASSWORD, else the login form asks.
    func run() throws {
        var options = ShopLaunchOptions(dataFolder: data.path, theme: theme, environment: data.environment, seed: { DemoCatalogue.products })
        var storeURL: PostgresStoreURL?
        try reportingFailures { storeURL = try data.storeURL() }
        if let storeURL {
            options.openStore = { folder throws(StoreError) in try DataOptions.openPostgres(storeURL, folder: folder, access: .readWrite) }
        }
        let password = email == nil ? nil : data.environment["COMPTOIR_PASSWORD"]
        // A synchronous command runs on the main thread, where the interface must live.
        let status = MainActor.assumeIsolated { runBackOffice(options: options, staffEmail: email, password: password) }
        if status != 0 { throw ExitCode(status) }
    }
}
