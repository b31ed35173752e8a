import ShopCore

/// Why the store refused or failed. Every message is one line that names the file or folder concerned.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The shop's rules refused the command; nothing was written.
    case rejected(ShopError)
    /// Another open store (in this or another process) holds the write lock on the folder.
    case locked(folder: String, pid: Int32?)
    /// A file is damaged at `offset`; the open stopped and nothing was changed.
    case corrupted(file: String, offset: Int, reason: String)
    /// A record or file at `offset` was written by a newer Comptoir in a format this one cannot
    /// read: nothing is damaged, and nothing was changed.
    case newerFormat(file: String, offset: Int, version: UInt32, readable: UInt32)
    /// A system call failed.
    case io(path: String, operation: String, errno: Int32)
    /// Neither `--data`, `$COMPTOIR_HOME`, `$XDG_DATA_HOME` nor `$HOME` names a folder.
    case noDataFolder
    /// The data folder path exists but is not a folder.
    case notAFolder(path: String)
    /// A FIFO, device, socket or folder stands where a store file should be; it was not opened.
    case notARegularFile(path: String, kind: String)
    /// A write was asked of a store opened read-only.
    case readOnly(folder: String)
    /// One command's events encode to more than a journal record can hold (4 GiB).
    case recordTooLarge(bytes: Int)
    /// The store was used after `close()`, or after a failed write left it unusable.
    case unusable(folder: String, reason: String)
    /// The event log's server (`store` names it, without its password) could not be reached or
    /// dropped the connection; nothing unacknowledged was kept. Try again when it is back.
    case unreachable(store: String, reason: String)
    /// The event log's schema is newer than this Comptoir knows: nothing was changed.
    case newerSchema(store: String, version: Int, readable: Int)
    /// Other writers kept committing first, attempt after attempt: nothing was written.
    case contended(store: String, attempts: Int)

    /// The description without the advice to run `store verify`, for the reports of verify and recover.
    public var summary: String {
        if case let .corrupted(file, offset, reason) = self { return "\(file) is damaged at byte \(offset): \(reason)" }
        return description
    }

    public var description: String {
        switch self {
        case let .rejected(error):
            return error.description
        case let .locked(folder, pid):
            if let pid { return "the shop data in \(folder) is in use by process \(pid)" }
            return "the shop data in \(folder) is in use by another process"
        case let .corrupted(file, offset, reason):
            return "\(file) is damaged at byte \(offset): \(reason); run 'comptoir store verify' for details"
        case let .newerFormat(file, offset, version, readable):
            return "\(file) at byte \(offset) was written by a newer Comptoir (format \(version)); this one reads up to \(readable): run a newer comptoir on it"
        case let .io(path, operation, code):
            return "could not \(operation) \(path): \(SystemCall.message(for: code))"
        case .noDataFolder:
            return "no data folder: pass --data DIR or set COMPTOIR_HOME, XDG_DATA_HOME or HOME"
        case let .notAFolder(path):
            return "\(path) is not a folder: pass --data with a folder path"
        case let .notARegularFile(path, kind):
            return "\(path) is \(kind), not a regular file: move it away (or run 'comptoir store recover', which moves it aside)"
        case let .readOnly(folder):
            return "the shop data in \(folder) was opened read-only: nothing can be changed"
        case let .recordTooLarge(bytes):
            return "one change of \(bytes) bytes is more than a journal record holds (4 GiB): import the products in several parts"
        case let .unusable(folder, reason):
            return "the shop data in \(folder) can no longer be written (\(reason)): reopen it"
        case let .unreachable(store, reason):
            return "cannot reach the shop's store \(store): \(reason)"
        case let .newerSchema(store, version, readable):
            return "the shop's store \(store) has schema version \(version), newer than this Comptoir reads (up to \(readable)): run a newer comptoir on it"
        case let .contended(store, attempts):
            return "the shop's store \(store) was changed by other writers \(attempts) times in a row while this change was decided: nothing was written, try again"
        }
    }
}
