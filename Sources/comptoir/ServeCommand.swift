import ArgumentParser
import Foundation
import NCursesTerminal
import ShopCore
import ShopSecurity
import ShopServer
import ShopService
import ShopTUI

/// `comptoir serve`: the shop over SSH, one customer per connection, all in this process (see
/// `ScreenHost` for the design and the README's "Run the shop for others").
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the shop over SSH: every customer with an SSH client shops in their own terminal.",
        discussion: """
            Customers connect with 'ssh -p 2222 guest@HOST' (any public key: the same key finds the same \
            cart) or as their account's e-mail with its password. 'ssh -p 2222 guest@HOST search coffee --json' \
            runs one customer command (search, product, cart, orders, order, track, messages, support). \
            The ed25519 host key is made in the data folder on the first start. SIGTERM or Ctrl-C tells \
            every customer and stops within 10 seconds.
            """)

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The loopback address and port to listen on.", valueName: "HOST:PORT"))
    var listen = "127.0.0.1:2222"

    @Option(help: ArgumentHelp("At most this many customers at once; more are told the shop is full.", valueName: "N"))
    var maxSessions = 1_000

    @Option(help: ArgumentHelp("At most this many new connections a minute from one address; more are closed at once.", valueName: "N"))
    var connectionsPerMinute = 120

    @Option(help: ArgumentHelp("End a shop session after this long without a key: 90s, 30m, 2h, or 0 for never.", valueName: "DURATION"))
    var idleTimeout = "30m"

    func run() throws {
        // The screens are driven from the main thread, the only one that calls ncurses.
        try MainActor.assumeIsolated { try serve() }
    }

    @MainActor
    private func serve() throws {
        var configuration = ShopSSHServer.Configuration(dataFolder: "", executable: Self.executablePath())
        do throws(ServeError) {
            try configuration.listen(listen)
        } catch {
            throw CommandFailure(error.description, status: .usage)
        }
        guard (1...100_000).contains(maxSessions) else {
            throw CommandFailure("--max-sessions \(maxSessions) is out of range: give 1 to 100000", status: .usage)
        }
        configuration.maxSessions = maxSessions
        guard (1...1_000_000).contains(connectionsPerMinute) else {
            throw CommandFailure("--connections-per-minute \(connectionsPerMinute) is out of range: give 1 to 1000000", status: .usage)
        }
        configuration.connectionsPerMinutePerAddress = connectionsPerMinute
        guard let idle = Self.seconds(idleTimeout) else {
            throw CommandFailure("--idle-timeout '\(idleTimeout)' is not a duration: give 90s, 30m, 2h or 0", status: .usage)
        }
        guard ScreenHost.prepareProcess() else {
            throw CommandFailure("no UTF-8 locale is available here (set LANG=C.UTF-8)", status: .usage)
        }
        let store = try data.openStore(.readWrite, policy: .following)
        configuration.dataFolder = store.folder.path
        let hostKey: SSHHostKey
        do throws(ServeError) {
            hostKey = try SSHHostKey.loadOrCreate(in: store.folder.path)
        } catch {
            try? store.close()
            throw CommandFailure(error.description, status: .ioError)
        }
        let service = ShopService(store: store, clock: WallClock(), entropy: SystemEntropy(), hasher: ScryptPasswordHasher())
        let inbox = ScreenHostInbox()
        let server = ShopSSHServer(configuration: configuration, hostKey: hostKey, screens: HostedScreens(inbox: inbox))
        let address: String
        do throws(ServeError) {
            address = try server.start()
        } catch {
            try? store.close()
            throw CommandFailure(error.description, status: .ioError)
        }
        let port = address.split(separator: ":").last.map(String.init) ?? "2222"
        print("comptoir serve: listening on \(address)")
        print("host key: \(hostKey.fingerprint)\(hostKey.isNew ? " (new, in \(store.folder.path)/\(SSHHostKey.fileName))" : "")")
        print("customers connect with: ssh -p \(port) guest@\(configuration.host)")
        fflush(nil)
        let settings = ScreenHost.Settings(idleTimeout: idle > 0 ? idle : nil)
        // From here on the worker owns the store: every customer's commits and following run on it.
        let worker = ShopWorker(service: service)
        let host = ScreenHost(inbox: inbox, worker: worker, settings: settings, environment: data.environment)
        _ = host.run()
        printError("comptoir serve: stopping")
        server.stop(waitingAtMost: 10)
        do {
            // After the commits still queued: what a customer was told is saved is on disk.
            try worker.close()
        } catch {
            throw CommandFailure(error)
        }
    }

    /// `90s`, `30m`, `2h`, `45` (seconds), `0`; nil when it is none of these or beyond a week.
    static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600]
        var digits = Substring(text)
        var unit = 1.0
        if let last = text.last, let factor = units[last] {
            unit = factor
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 0 else { return nil }
        let seconds = Double(value) * unit
        return seconds <= 7 * 86_400 ? seconds : nil
    }

    /// This binary, for the `exec` requests' child processes.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// The screen host as the SSH side sees it.
struct HostedScreens: ShopScreens {
    let inbox: ScreenHostInbox

    func open(
        connection: Int, slave: Int32, terminal: TerminalRequest, shopper: Shopper, key: PublicKeyEntry?,
        ended: @escaping @Sendable (String) -> Void
    ) {
        inbox.open(HostedTerminalRequest(
            connection: connection, slave: slave, term: terminal.term, width: terminal.width, height: terminal.height,
            environment: terminal.environment, shopper: shopper, key: key, ended: { ended($0.rawValue) }))
    }

    func resize(connection: Int, width: Int, height: Int) { inbox.resize(connection: connection, width: width, height: height) }
    func close(connection: Int) { inbox.close(connection: connection) }
    func perform(_ job: @escaping @Sendable (ShopService) -> Void) { inbox.perform(job) }
}
