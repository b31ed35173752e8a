import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A detached tmux session on a private socket running one command, driven like a person would:
/// keys in, screen text out, waiting for text with a timeout instead of sleeping.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var expected: String
        var screen: String
        var description: String { "waited 10 s for \(expected); the screen was:\n\(screen)" }
    }

    let socket = "comptoir-test-\(UUID().uuidString)"
    let name = "shop"

    init(command: [String], unsetting: [String] = ["NO_COLOR"], width: Int, height: Int, environment: [String: String]) throws {
        let assignments = environment.map { "\($0.key)=\($0.value)" }
        let removals = (unsetting + ["COLORTERM"]).flatMap { ["-u", $0] }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "env"]
                 + removals + assignments + command)
    }

    deinit { kill() }

    /// Ends the session, the shop in it and the server, even when the shop does not answer.
    func kill() {
        let pids = ((try? tmux(["display-message", "-p", "-t", name, "#{pid} #{pane_pid}"])) ?? "")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int32($0) }
        _ = try? tmux(["kill-server"])
        if pids.count == 2 {
            Glibc.kill(-pids[1], SIGKILL)
            Glibc.kill(pids[0], SIGKILL)
        }
    }

    /// The process the pane's shell started (the shop), found through /proc.
    func shopPID() throws -> Int32? {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Keys by tmux name (`Enter`, `Escape`, `Down`, `q`...).
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    /// Text typed literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The screen with its SGR colour and attribute codes.
    func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Polls the screen every 50 ms for up to 10 s until `condition` holds; returns that screen.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(expected: description, screen: last)
    }

    @discardableResult
    func waitFor(_ text: String) throws -> String {
        try waitFor("“\(text)”") { $0.contains(text) }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try ChildProcess.run(["tmux", "-L", socket] + arguments)
    }
}
