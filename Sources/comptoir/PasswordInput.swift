#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a password from COMPTOIR_PASSWORD or, when it is absent, from the terminal without echo.
/// Never from an argument, where other users could see it in the process list.
enum PasswordInput {
    static let variable = "COMPTOIR_PASSWORD"

    static func read(prompt: String) throws -> String {
        try read(prompt: prompt, variable: variable)
    }

    /// The new password of a password change: COMPTOIR_NEW_PASSWORD or a prompt.
    static func readNew(prompt: String) throws -> String {
        try read(prompt: prompt, variable: "COMPTOIR_NEW_PASSWORD")
    }

    /// The password from `variable`, else from `fallback` (a variable too), else asked.
    static func read(prompt: String, variable: String, fallback: String) throws -> String {
        if let value = ProcessInfo.processInfo.environment[variable] { return value }
        return try read(prompt: prompt, variable: fallback)
    }

    static func read(prompt: String, variable: String) throws -> String {
        if let value = ProcessInfo.processInfo.environment[variable] { return value }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure("no password: set \(variable) or run in a terminal to be asked for it", status: .usage)
        }
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return Swift.readLine(strippingNewline: true) ?? ""
    }
}
