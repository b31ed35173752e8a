/// Why a Maildir operation failed; each message names the path and the system's reason.
public enum MaildirError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotCreateFolder(path: String, reason: String)
    case notAFolder(path: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case cannotMove(from: String, to: String, reason: String)
    case noSuchMessage(key: String)

    public var description: String {
        switch self {
        case let .cannotCreateFolder(path, reason):
            return "cannot create the mail folder \(path): \(reason)"
        case let .notAFolder(path):
            return "\(path) exists but is not a folder: move it away so the shop can keep its mail there"
        case let .cannotWrite(path, reason):
            return "cannot write the message \(path): \(reason)"
        case let .cannotRead(path, reason):
            return "cannot read \(path): \(reason)"
        case let .cannotMove(from, to, reason):
            return "cannot move \(from) to \(to): \(reason)"
        case let .noSuchMessage(key):
            return "no message '\(key)' in the mailbox: list the messages to see their keys"
        }
    }
}
