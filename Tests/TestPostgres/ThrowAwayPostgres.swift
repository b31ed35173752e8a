import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server for tests: initdb into a temporary folder, started on a free loopback port with
/// its socket in that folder, stopped and removed when the test process exits (or by `stop()`).
/// PostgreSQL refuses to run as root: as root, the folder belongs to the `postgres` user (Debian's
/// package creates it) and the server's programs run through `runuser -u postgres --`.
public final class ThrowAwayPostgres: @unchecked Sendable {
    public let folder: String
    public let port: Int
    public let user = "comptoir"
    private let bin: String
    private var databases = 0
    private var running = false
    private let lock = NSLock()

    /// The server shared by every test of the process, started on first use.
    public static func shared() throws -> ThrowAwayPostgres {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let sharedServer { return try sharedServer.get() }
        let result = Result { try ThrowAwayPostgres.start() }
        sharedServer = result
        return try result.get()
    }

    nonisolated(unsafe) private static var sharedServer: Result<ThrowAwayPostgres, any Error>?
    private static let sharedLock = NSLock()
    private static let everyServerLock = NSLock()
    nonisolated(unsafe) private static var everyServer: [ThrowAwayPostgres] = []

    /// Starts a new server of its own (fault tests stop and restart theirs).
    /// `durable` keeps PostgreSQL's fsync on (the benchmark); tests run without it.
    public static func start(durable: Bool = false) throws -> ThrowAwayPostgres {
        guard let bin = binaries() else {
            throw ThrowAwayPostgresError.cannotStart("no PostgreSQL server programs in /usr/lib/postgresql/*/bin (install Debian's postgresql package)")
        }
        let root = getuid() == 0
        if root, getpwnam("postgres") == nil {
            throw ThrowAwayPostgresError.cannotStart("running as root and there is no 'postgres' user to run the server as")
        }
        var template = Array("/tmp/comptoir-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ThrowAwayPostgresError.cannotStart("mkdtemp failed") }
        let folder = String(cString: made)
        chmod(folder, 0o755)
        if root, let owner = getpwnam("postgres") { chown(folder, owner.pointee.pw_uid, owner.pointee.pw_gid) }
        let server = ThrowAwayPostgres(folder: folder, port: try freePort(), bin: bin, durable: durable)
        do {
            try server.run("initdb", ["-D", "\(folder)/data", "-U", server.user, "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"])
            try server.startServer()
        } catch {
            server.stop()
            throw error
        }
        everyServerLock.lock()
        if everyServer.isEmpty { atexit { ThrowAwayPostgres.stopAll() } }
        everyServer.append(server)
        everyServerLock.unlock()
        return server
    }

    private let durable: Bool

    private init(folder: String, port: Int, bin: String, durable: Bool) {
        self.durable = durable
        self.folder = folder
        self.port = port
        self.bin = bin
    }

    /// A fresh, empty database on the server; returns its URL.
    public func makeDatabase(password: String? = nil) throws -> String {
        lock.lock()
        databases += 1
        let name = "shop\(databases)"
        lock.unlock()
        try run("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, name])
        return url(database: name, password: password)
    }

    public func url(database: String, password: String? = nil) -> String {
        "postgres://\(user)\(password.map { ":\($0)" } ?? "")@127.0.0.1:\(port)/\(database)"
    }

    /// Runs SQL through psql (for tests that look under the store, or damage it on purpose).
    @discardableResult
    public func psql(_ database: String, _ sql: String) throws -> String {
        try run("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    public func startServer() throws {
        try run("pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-w", "-t", "30", "-o",
                           "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=\(durable ? "on" : "off") -c max_connections=200", "start"])
        running = true
    }

    /// Stops the server now (`immediate`: like a crash, every backend killed; recovery on the next start).
    public func stopServer(immediate: Bool = false) throws {
        guard running else { return }
        try run("pg_ctl", ["-D", "\(folder)/data", "-w", "-m", immediate ? "immediate" : "fast", "stop"])
        running = false
    }

    /// Stops the server and removes its folder. Safe at exit: no child process is waited for (the
    /// postmaster gets SIGQUIT, an immediate shutdown, and its end is polled for a few seconds).
    public func stop() {
        if let text = try? String(contentsOfFile: "\(folder)/data/postmaster.pid", encoding: .utf8),
           let line = text.split(separator: "\n").first, let pid = pid_t(line.trimmingCharacters(in: .whitespaces)) {
            kill(pid, SIGQUIT)
            for _ in 0..<500 where kill(pid, 0) == 0 { usleep(10_000) }
        }
        running = false
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func stopAll() {
        for server in everyServer { server.stop() }
    }

    /// Runs one of the server's programs (as `postgres` when this process is root); its output.
    /// posix_spawn and waitpid, not Foundation's Process: the server pg_ctl starts inherits what its
    /// parent had open, and Process waits for every holder of its own descriptors to close them.
    @discardableResult
    func run(_ program: String, _ arguments: [String]) throws -> String {
        let invocation = getuid() == 0
            ? ["/usr/sbin/runuser", "-u", "postgres", "--", "\(bin)/\(program)"] + arguments
            : ["\(bin)/\(program)"] + arguments
        // Through a shell that first closes every descriptor above 2: nothing else this process has
        // open (another test's pipes) may live on in the server, or that test would wait for its end.
        let closeAndRun = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; exec \"$@\""
        let command = ["/bin/bash", "-c", closeAndRun, "bash"] + invocation
        let outputPath = "\(folder)/run.\(UUID().uuidString).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv = command.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw ThrowAwayPostgresError.cannotStart("cannot run \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw ThrowAwayPostgresError.cannotStart("\(program) failed (status \(status)): \(text.suffix(600))")
        }
        return text
    }

    static func binaries() -> String? {
        guard let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") else { return nil }
        let sorted = versions.compactMap { Int($0) }.sorted(by: >)
        return sorted.map { "/usr/lib/postgresql/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }

    /// A loopback port nobody listens on now.
    public static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ThrowAwayPostgresError.cannotStart("socket failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ThrowAwayPostgresError.cannotStart("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public enum ThrowAwayPostgresError: Error, CustomStringConvertible {
    case cannotStart(String)
    public var description: String {
        switch self {
        case let .cannotStart(reason): return "PostgreSQL could not be started: \(reason)"
        }
    }
}

/// Whether tests must fail rather than skip when PostgreSQL cannot be started (CI=true).
public var postgresIsRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
