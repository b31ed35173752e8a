import ArgumentParser
import Foundation
import ShopCore
import ShopStore

/// `--data DIR`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("The shop's data folder.", valueName: "DIR"))
    var path: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func folder() throws -> DataFolder {
        do {
            return try DataFolder.resolve(explicit: path, environment: environment)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Opens the store, printing any recovery warning on standard error.
    func openStore(_ access: StoreAccess) throws -> Store {
        let folder = try folder()
        do {
            let store = try Store.open(folder, access: access, seed: { DemoCatalogue.products })
            for warning in store.warnings { printError("comptoir: warning: \(warning)") }
            return store
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The customer's time zone: `TZ` when it names a zone Comptoir knows, else the shop's
    /// (Europe/Paris). Times printed for people are local to it.
    var timeZone: ShopTimeZone { ShopTimeZone.customer(tz: environment["TZ"]) }

    /// The locale amounts are shown in, from the usual POSIX variables.
    var locale: ShopLocale {
        let env = environment
        let name = [env["LC_ALL"], env["LC_MONETARY"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        return ShopLocale.from(posix: name)
    }
}
