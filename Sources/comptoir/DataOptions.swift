import ArgumentParser
import Foundation
import ShopCore
import ShopPostgres
import ShopStore

/// `--data DIR` and `--store URL`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("The shop's data folder.", valueName: "DIR"))
    var path: String?

    @Option(name: .customLong("store"), help: ArgumentHelp(
        "Keep the shop's events in PostgreSQL: postgres://USER[:PASSWORD]@HOST:PORT/DB (?sslmode=require for TLS); default $COMPTOIR_STORE, else the data folder, which then keeps only this machine's things (the mail's copy).",
        valueName: "URL"))
    var store: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func folder() throws -> DataFolder {
        do {
            return try DataFolder.resolve(explicit: path, environment: environment)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The PostgreSQL store named by `--store` or `$COMPTOIR_STORE`; nil for the data folder.
    func storeURL() throws -> PostgresStoreURL? {
        guard let text = store ?? environment["COMPTOIR_STORE"], !text.isEmpty else { return nil }
        return try Self.parseStoreURL(text, option: store != nil ? "--store" : "COMPTOIR_STORE")
    }

    static func parseStoreURL(_ text: String, option: String) throws -> PostgresStoreURL {
        guard PostgresStoreURL.isPostgres(text) else {
            throw CommandFailure("\(option) takes a postgres://USER[:PASSWORD]@HOST:PORT/DB URL (a data folder is --data DIR)", status: .usage)
        }
        do {
            return try PostgresStoreURL(parsing: text)
        } catch {
            throw CommandFailure("\(option): \(error.description)", status: .usage)
        }
    }

    /// Opens the store, printing any recovery warning on standard error. `policy` is `.following` for
    /// a process that follows the store while it runs (`serve`).
    func openStore(_ access: StoreAccess, policy: SnapshotPolicy = .standard) throws -> Store {
        let folder = try folder()
        do {
            let store: Store
            if let url = try storeURL() {
                store = try Self.openPostgres(url, folder: folder, access: access)
            } else {
                store = try Store.open(folder, access: access, policy: policy, seed: { DemoCatalogue.products })
            }
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

    /// The shop on PostgreSQL, with `folder` for what stays on this machine.
    static func openPostgres(_ url: PostgresStoreURL, folder: DataFolder, access: StoreAccess) throws(StoreError) -> Store {
        let log = try PostgresEventLog.open(url)
        do {
            return try Store.open(folder, log: log, access: access, seed: { DemoCatalogue.products })
        } catch {
            log.close()
            throw error
        }
    }
}
