import ArgumentParser
import Foundation
import NCursesTerminal
import ShopCore
import ShopPostgres
import ShopStore

@main
struct Comptoir: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "comptoir",
        abstract: "A shop that lives in the terminal.",
        discussion: """
            With no subcommand, opens the shop in the terminal. The subcommands script the same shop \
            for demos, imports and tests; each takes --data DIR (default: $COMPTOIR_HOME, else \
            $XDG_DATA_HOME/comptoir, else ~/.local/share/comptoir).

            Exit codes: 0 done; 1 refused by the shop's rules; 2 order placed or kept but its payment \
            failed (pay again); 64 bad usage; 65 malformed data or \
            query; 66 file not found or unreadable; 69 the store's server cannot be reached; 74 storage error or damage; 75 data folder in use.
            """,
        version: version,
        subcommands: [
            SearchCommand.self, ProductCommand.self, ImportCommand.self, CartCommand.self, StoreCommand.self,
            ThemesCommand.self, AccountCommand.self, CheckoutCommand.self, PayCommand.self, OrdersCommand.self,
            OrderCommand.self, RelayPointsCommand.self, TrackCommand.self, CancelCommand.self, ReturnCommand.self, SupportCommand.self,
            AgentCommand.self, CourierCommand.self, MessagesCommand.self, DemoCommand.self, MerchantCommand.self,
            ServeCommand.self,
        ]
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var session: SessionOptions

    @Option(help: ArgumentHelp("A bundled or user theme name, or the path of a theme file (see 'comptoir themes').", valueName: "NAME|FILE"))
    var theme: String?

    @Flag(help: ArgumentHelp(
        "A throw-away shop with a demo account logged in and shop time running 7200 times faster (not with --data)."))
    var demo = false

    /// The entry point: every refusal, of the arguments or of the shop, is one line `comptoir: …`
    /// with the documented exit status.
    static func main() {
        var command = ArgumentRefusal.parse(Array(CommandLine.arguments.dropFirst()))
        do {
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let usage where [.success, .validationFailure].contains(Comptoir.exitCode(for: usage)) {
            // Help, --version, and a ValidationError thrown once the command runs.
            ArgumentRefusal.refuse(usage, arguments: Array(CommandLine.arguments.dropFirst()))
        } catch {
            let failure = CommandFailure(error)
            printError("comptoir: \(failure.message)")
            Foundation.exit(failure.status.rawValue)
        }
    }

    func run() throws {
        if demo, data.path != nil {
            printError("comptoir: --demo uses a throw-away shop of its own: leave out --data")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var shopper = Shopper.local
        try reportingFailures { shopper = try session.shopper() }
        var options = ShopLaunchOptions(
            dataFolder: data.path, theme: theme, environment: data.environment, seed: { DemoCatalogue.products })
        options.shopper = shopper
        var storeURL: PostgresStoreURL?
        try reportingFailures { storeURL = try data.storeURL() }
        if let storeURL {
            if demo {
                printError("comptoir: --demo uses a throw-away shop of its own: leave out --store and COMPTOIR_STORE")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            options.openStore = { folder throws(StoreError) in try DataOptions.openPostgres(storeURL, folder: folder, access: .readWrite) }
        }
        if demo {
            options.demo = .shop
            options.clockSpeed = ShopLaunchOptions.demoClockSpeed
        }
        // A synchronous command runs on the main thread, where the interface must live.
        let status = MainActor.assumeIsolated { runShop(options: options) }
        if status != 0 { throw ExitCode(status) }
    }
}
