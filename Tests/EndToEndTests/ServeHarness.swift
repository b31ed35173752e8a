import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `comptoir serve` on a free loopback port with its own data folder, and OpenSSH clients with
/// keys made by `ssh-keygen` in a temporary folder.
final class ServeHarness {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let folder: URL
    let data: String
    let port: Int
    let process: Process
    let logPath: String
    let outputPath: String

    init(extra: [String] = []) throws {
        let binary = try BuiltBinary.comptoir()
        folder = try BuiltBinary.temporaryFolder()
        data = folder.appendingPathComponent("data").path
        port = try Self.freePort()
        logPath = folder.appendingPathComponent("serve.log").path
        outputPath = folder.appendingPathComponent("serve.out").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--listen", "127.0.0.1:\(port)", "--data", data] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config").path
        process.environment = environment
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        try waitFor("the server to listen") { self.output.contains("listening on") }
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: folder)
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Polls every 50 ms for up to `timeout` seconds.
    func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return }
            if !process.isRunning { throw Failure(description: "the server ended while waiting for \(what); its log:\n\(log)\n\(output)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "waited \(timeout) s for \(what); the server's log:\n\(log)")
    }

    /// A new ed25519 key pair; returns the private key's path.
    func makeKey(_ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        _ = try ChildProcess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
        guard FileManager.default.fileExists(atPath: path) else { throw Failure(description: "ssh-keygen made no key at \(path)") }
        return path
    }

    /// The `ssh` words to connect as `user`, with `key` (nil: no key at all), never asking about
    /// host keys or keeping them.
    func ssh(user: String, key: String?, terminal: Bool = true, extra: [String] = []) -> [String] {
        var words = ["ssh", "-p", String(port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                     "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10", "-F", "/dev/null"]
        if terminal { words.append("-tt") }
        if let key { words += ["-i", key, "-o", "PasswordAuthentication=no"] } else { words += ["-o", "PubkeyAuthentication=no"] }
        return words + extra + ["\(user)@127.0.0.1"]
    }

    /// Runs `command` through `sh`, returning what it printed (both outputs) and its exit status.
    func run(_ command: [String], environment: [String: String] = [:]) throws -> (output: String, status: Int32) {
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let assignments = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let text = try ChildProcess.run(["sh", "-c", "\(assignments.isEmpty ? "" : "env \(assignments) ")\(quoted) 2>&1; echo \"exit status $?\""])
        guard let range = text.range(of: "exit status ", options: .backwards),
              let status = Int32(text[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "no exit status in: \(text)")
        }
        return (String(text[..<range.lowerBound]), status)
    }

    /// Stops the server with SIGTERM and waits (at most 15 s) for it to end; its exit status.
    func stop() throws -> Int32 {
        process.terminate()
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else { throw Failure(description: "the server did not stop within 15 s of SIGTERM") }
        return process.terminationStatus
    }

    /// A port nobody listens on now: bound to 0, read, and released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "cannot bind a loopback port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
