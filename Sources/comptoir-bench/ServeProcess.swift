import ArgumentParser
import Foundation
import Glibc

/// `comptoir serve` started by the benchmark as a child process: a free loopback port, the data
/// folder given, every limit opened wide enough for the load; its resident memory read from
/// `/proc/PID/status`.
final class ServeProcess {
    let port: Int
    private let process = Process()
    private let logPath: String

    /// Starts `binary serve` on `folder` and waits (at most `timeout` seconds) until it listens.
    init(binary: String, folder: String, sessions: Int, logPath: String, timeout: Double = 120) throws {
        port = try Self.freePort()
        self.logPath = logPath
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "serve", "--listen", "127.0.0.1:\(port)", "--data", folder, "--max-sessions", "\(max(1_000, sessions + 10))",
            "--connections-per-minute", "1000000", "--idle-timeout", "0",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var said = ""
        while !said.contains("listening on") {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw ValidationError("comptoir serve did not start listening (it said: \(said)); its log is \(logPath)")
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
            said += String(decoding: chunk, as: UTF8.self)
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// The server's resident memory now, in kilobytes (VmRSS).
    func residentKilobytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    /// Waits until the server settles (less than 10% of a core over half a second: the
    /// search index built, the first steps done), at most `timeout` seconds.
    func waitUntilIdle(timeout: Double = 600) {
        let deadline = Date().addingTimeInterval(timeout)
        var before = cpuSeconds()
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            let now = cpuSeconds()
            if now - before < 0.05 { return }
            before = now
        }
    }

    /// The server's CPU time so far (user + system), in seconds.
    func cpuSeconds() -> Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // Fields after the command's closing parenthesis: utime is the 12th, stime the 13th.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The server's connection log: one line per connection, written when it closed.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Connections the server logged as closed.
    func connectionsClosed() -> Int {
        log.split(separator: "\n").filter { $0.contains(" end=") }.count
    }

    /// SIGTERM, then at most 20 s for the server to tell every customer and stop; SIGKILL after.
    @discardableResult
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    /// A port nobody listens on now: bound to 0, read, and released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ValidationError("no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ValidationError("cannot bind a loopback port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
