import Dispatch
import Foundation
import ShopCore

/// Runs an allowed `exec` command as a child `comptoir` process (this same binary) on the server's
/// data folder, for the connection's session, and collects what it printed and its status.
///
/// The child learns its session from `COMPTOIR_SSH_SESSION` (`ssh:SHA256:…` or
/// `ssh:account:EMAIL`), which only reaches the session's cart and login; it gives no more than
/// `--data` on a folder already gives, and that folder is the server user's own (0700), so no
/// other local user gains anything. Standard input is /dev/null, so nothing prompts.
struct ExecRunner: Sendable {
    let executable: String
    let dataFolder: String
    /// At most this much of each output is kept (the rest is cut).
    static let outputLimit = 8 << 20

    struct Outcome: Sendable {
        var output: Data
        var errors: Data
        var status: Int32
    }

    func run(_ command: ExecCommand, session: Shopper, environment: [String: String], done: @escaping @Sendable (Outcome) -> Void) {
        DispatchQueue.global().async {
            done(runNow(command, session: session, environment: environment))
        }
    }

    private func runNow(_ command: ExecCommand, session: Shopper, environment: [String: String]) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = command.arguments + ["--data", dataFolder]
        var childEnvironment = ["PATH": "/usr/bin:/bin", "LANG": environment["LANG"] ?? "C.UTF-8"]
        for name in ["LC_ALL", "NO_COLOR"] { if let value = environment[name] { childEnvironment[name] = value } }
        if let name = session.sessionName { childEnvironment["COMPTOIR_SSH_SESSION"] = name }
        process.environment = childEnvironment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        do {
            try process.run()
        } catch {
            return Outcome(output: Data(), errors: Data("comptoir: the command could not start: \(error)\n".utf8), status: 70)
        }
        let collected = CollectedErrors()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.setErrors(Self.readAll(errors.fileHandleForReading))
            group.leave()
        }
        let out = Self.readAll(output.fileHandleForReading)
        group.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return Outcome(output: out, errors: collected.errors, status: status)
    }

    private static func readAll(_ handle: FileHandle) -> Data {
        var data = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if data.count < outputLimit { data.append(chunk.prefix(outputLimit - data.count)) }
        }
        return data
    }
}

/// The standard error collected on another queue.
private final class CollectedErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    func setErrors(_ data: Data) { lock.withLock { stored = data } }
    var errors: Data { lock.withLock { stored } }
}
