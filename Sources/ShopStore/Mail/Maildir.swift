#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ShopCore

/// The shop's outgoing mail as a Maildir (`DATA/mail/{tmp,new,cur}`), readable by any mail
/// client. Folders are created 0700 and messages 0600.
///
/// Delivery follows the Maildir protocol: the message is written under a unique name in `tmp/`,
/// fsynced, renamed into `new/`, and `new/` is fsynced, so a message is either wholly there or
/// not at all. Reading a message moves it to `cur/` with the `S` (seen) flag. Folders are fsynced
/// with their parent when created, so a delivered message never sits in a folder a crash forgets.
public struct Maildir: Sendable {
    /// The Maildir folder itself (the one holding `tmp`, `new` and `cur`).
    public let path: String

    /// Opens the Maildir at `path`, creating it and its `tmp`, `new` and `cur` folders as needed.
    public init(path: String) throws(MaildirError) {
        self.path = path
        for folder in [path, "\(path)/tmp", "\(path)/new", "\(path)/cur"] {
            try Self.makeFolder(folder)
        }
    }

    /// The shop's mailbox inside a data folder: `DATA/mail`.
    public init(dataFolder: String) throws(MaildirError) {
        try self.init(path: "\(dataFolder)/mail")
    }

    /// Delivers `message` and returns its key.
    @discardableResult
    public func deliver(_ message: ShopMessage) throws(MaildirError) -> String {
        try deliver(bytes: message.rendered())
    }

    /// Delivers a rendered message and returns its key (its unique file name in `new/`).
    @discardableResult
    public func deliver(bytes: [UInt8]) throws(MaildirError) -> String {
        while true {
            let key = MaildirName.next()
            if try writeMessage(bytes, key: key) { return key }
        }
    }

    /// Delivers the shop's `message` under its own name (`MaildirName.key(for:)`) unless it is
    /// already in `new/` or `cur/` (as the shop's reader leaves it): a few look-ups of one name,
    /// not a reading of the mailbox. Returns whether it was written.
    @discardableResult
    public func deliverOnce(_ message: OutgoingMessage) throws(MaildirError) -> Bool {
        guard let rendered = message.shopMessage else { return false }
        return try deliverOnce(key: MaildirName.key(for: message), bytes: rendered.rendered())
    }

    /// Delivers `bytes` as the message named `key` unless it is already in `new/` or `cur/` (a message
    /// another machine claimed, copied here). Returns whether it was written.
    @discardableResult
    public func deliverOnce(key: String, bytes: [UInt8]) throws(MaildirError) -> Bool {
        for name in ["new/\(key)", "cur/\(key):2,", "cur/\(key):2,S"] where access("\(path)/\(name)", F_OK) == 0 {
            return false
        }
        // A temporary file of the same name is what a crash left of an earlier attempt.
        unlink("\(path)/tmp/\(key)")
        return try writeMessage(bytes, key: key)
    }

    /// Writes `bytes` as `tmp/KEY`, fsynced, then renames it to `new/KEY` and fsyncs `new/`.
    /// False when `tmp/KEY` already exists.
    private func writeMessage(_ bytes: [UInt8], key: String) throws(MaildirError) -> Bool {
        let temporary = "\(path)/tmp/\(key)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw .cannotWrite(path: temporary, reason: Self.reason())
        }
        do throws(MaildirError) {
            try Self.writeAll(bytes, to: descriptor, path: temporary)
            guard fchmod(descriptor, 0o600) == 0, fsync(descriptor) == 0 else {
                throw .cannotWrite(path: temporary, reason: Self.reason())
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        let final = "\(path)/new/\(key)"
        guard rename(temporary, final) == 0 else {
            let reason = Self.reason()
            unlink(temporary)
            throw .cannotMove(from: temporary, to: final, reason: reason)
        }
        try Self.syncFolder("\(path)/new")
        return true
    }

    /// Every message in `new/` and `cur/`, oldest first (by `Date`, then by key).
    public func messages() throws(MaildirError) -> [MailboxEntry] {
        var entries: [MailboxEntry] = []
        for folder in ["new", "cur"] {
            for name in try fileNames(in: folder) {
                if let entry = try entry(folder: folder, name: name) { entries.append(entry) }
            }
        }
        return Self.sorted(entries)
    }

    /// Oldest first: by `Date`, then by key.
    private static func sorted(_ entries: [MailboxEntry]) -> [MailboxEntry] {
        entries.sorted { lhs, rhs in
            let left = lhs.date?.secondsSince1970 ?? .min, right = rhs.date?.secondsSince1970 ?? .min
            return left != right ? left < right : lhs.key < rhs.key
        }
    }

    /// The messages addressed to exactly `address` (see `MailboxEntry.isAddressed(to:)`), oldest
    /// first. The shop's own messages carry a digest of their recipient in their names: only the
    /// names that match, and messages named otherwise, are read.
    public func messages(addressedTo address: String) throws(MaildirError) -> [MailboxEntry] {
        let digest = MaildirName.recipientDigest(address)
        var entries: [MailboxEntry] = []
        for folder in ["new", "cur"] {
            for name in try fileNames(in: folder) {
                if let other = MaildirName.recipientDigest(inKey: Self.splitName(name).key), other != digest { continue }
                if let entry = try entry(folder: folder, name: name), entry.isAddressed(to: address) { entries.append(entry) }
            }
        }
        return Self.sorted(entries)
    }

    /// The message `key`, wherever it is (`new/` or `cur/`).
    public func message(_ key: String) throws(MaildirError) -> MailboxEntry {
        if try fileNames(in: "new").contains(key), let entry = try entry(folder: "new", name: key) {
            return entry
        }
        if let name = try fileNames(in: "cur").first(where: { Self.splitName($0).key == key }),
           let entry = try entry(folder: "cur", name: name) {
            return entry
        }
        throw .noSuchMessage(key: key)
    }

    /// The parsed message `folder/name`; nil when it vanished since the folder was listed (another
    /// reader moved it).
    private func entry(folder: String, name: String) throws(MaildirError) -> MailboxEntry? {
        let file = "\(path)/\(folder)/\(name)"
        let bytes: [UInt8]
        do {
            // Refuses a FIFO, device or socket without opening it: a blocking read would hang the shop.
            guard let read = try SystemCall.readFile(file) else { return nil }
            bytes = read
        } catch {
            if case let .notARegularFile(_, kind) = error {
                throw .cannotRead(path: file, reason: "it is \(kind), not a message file: move it out of the mailbox")
            }
            throw .cannotRead(path: file, reason: "\(error)")
        }
        let (key, flags) = Self.splitName(name)
        return MailParser.entry(key: key, flags: folder == "new" ? "" : flags, bytes: bytes)
    }

    /// Marks the message `key` as read: moves it from `new/` to `cur/` and adds the `S` flag
    /// (`NAME:2,S`), keeping flags it already had. Marking a read message again changes nothing.
    public func markRead(_ key: String) throws(MaildirError) {
        let source: String
        let flags: String
        if try fileNames(in: "new").contains(key) {
            source = "\(path)/new/\(key)"
            flags = ""
        } else if let name = try fileNames(in: "cur").first(where: { Self.splitName($0).key == key }) {
            source = "\(path)/cur/\(name)"
            flags = Self.splitName(name).flags
        } else {
            throw .noSuchMessage(key: key)
        }
        let newFlags = String(Set(flags + "S").sorted())
        let destination = "\(path)/cur/\(key):2,\(newFlags)"
        guard source != destination else { return }
        guard rename(source, destination) == 0 else {
            throw .cannotMove(from: source, to: destination, reason: Self.reason())
        }
        try Self.syncFolder("\(path)/cur")
        try Self.syncFolder("\(path)/new")
    }

    /// Names of the messages in `folder` (`new` or `cur`), hidden files skipped.
    private func fileNames(in folder: String) throws(MaildirError) -> [String] {
        let folderPath = "\(path)/\(folder)"
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folderPath)
                .filter { !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw .cannotRead(path: folderPath, reason: "\(error.localizedDescription)")
        }
    }

    /// `1795286283.M42P7Q1.host:2,S` -> (`1795286283.M42P7Q1.host`, `S`).
    static func splitName(_ name: String) -> (key: String, flags: String) {
        guard let range = name.range(of: ":2,") else { return (name, "") }
        return (String(name[..<range.lowerBound]), String(name[range.upperBound...]))
    }

    private static func makeFolder(_ folder: String) throws(MaildirError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAFolder(path: folder) }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder {
            try makeFolder(parent)
        }
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
            throw .cannotCreateFolder(path: folder, reason: reason())
        }
        guard chmod(folder, 0o700) == 0 else {
            throw .cannotCreateFolder(path: folder, reason: reason())
        }
        // The new folder's own entries, and its entry in its parent, reach the disk.
        try syncFolder(folder)
        try syncFolder(parent.isEmpty ? "." : parent)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(MaildirError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: reason())
            }
            offset += written
        }
    }

    /// Makes a rename in `folder` durable.
    private static func syncFolder(_ folder: String) throws(MaildirError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotWrite(path: folder, reason: reason()) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: folder, reason: reason()) }
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
