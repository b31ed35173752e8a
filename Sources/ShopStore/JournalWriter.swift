#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal file as this process holds it open: where the records it has read end, the file's
/// identity (to notice that another process replaced it by rename), reads of what others appended, and
/// appends, each written and fsynced before it returns. A read-only store opens it for reading only.
final class JournalWriter {
    /// A file's device and inode: they change when another process renames a new journal into place.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    private let file: OpenFile
    let identity: Identity
    /// The end of the last good record this process has read or written: where the next one goes.
    var end: Int

    private init(file: OpenFile, identity: Identity, end: Int) {
        self.file = file
        self.identity = identity
        self.end = end
    }

    /// Opens an existing journal whose good data ends at `end`; anything after it (a torn tail) is cut off.
    static func open(_ path: String, end: Int) throws(StoreError) -> JournalWriter {
        let file = try OpenFile.openForWriting(path, create: false)
        do {
            if try file.size() != end {
                try file.truncate(to: end)
                try file.sync()
            }
            return JournalWriter(file: file, identity: try identity(of: file), end: end)
        } catch {
            file.close()
            throw error
        }
    }

    /// Opens the journal at `path` as it is, for reading and (when `writable`) appending; nil when
    /// there is none. `end` is 0 until the caller says how far it has read.
    static func attach(_ path: String, writable: Bool) throws(StoreError) -> JournalWriter? {
        guard let fd = try SystemCall.openRegular(path, flags: writable ? O_RDWR : O_RDONLY) else { return nil }
        let file = OpenFile(fd: fd, path: path)
        do {
            return JournalWriter(file: file, identity: try identity(of: file), end: 0)
        } catch {
            file.close()
            throw error
        }
    }

    /// The identity of the file now at `path`; nil when there is none.
    static func identity(at path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func identity(of file: OpenFile) throws(StoreError) -> Identity {
        var info = stat()
        guard fstat(file.fd, &info) == 0 else { throw SystemCall.fail(file.path, "measure") }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Whether `path` still names this file (another process's compaction renames a new one over it).
    func isCurrent(at path: String) -> Bool { Self.identity(at: path) == identity }

    func size() throws(StoreError) -> Int { try file.size() }

    /// The bytes from `offset` to the end of the file as it is now.
    func read(from offset: Int) throws(StoreError) -> [UInt8] {
        let total = try file.size()
        guard total > offset else { return [] }
        return try file.read(from: offset, count: total - offset)
    }

    /// Cuts the file back to `end` (a torn tail found while holding the lock) and fsyncs.
    func cut(to end: Int) throws(StoreError) {
        try file.truncate(to: end)
        try file.sync()
        self.end = end
    }

    /// Atomically replaces (or creates) the journal with a header followed by `records` (whole encoded
    /// records): written to a temporary file, fsynced, renamed, and the folder fsynced.
    static func replace(in layout: StoreLayout, records: UnsafeRawBufferPointer) throws(StoreError) {
        let file = try OpenFile.openForWriting(layout.journalTemporary, create: true, truncate: true)
        do {
            let header = JournalFormat.fileHeader()
            try file.write(header, at: 0)
            if records.count > 0 { try file.write(records, at: header.count) }
            try file.sync()
            file.close()
        } catch {
            file.close()
            throw error
        }
        try SystemCall.rename(layout.journalTemporary, to: layout.journal)
        try SystemCall.syncFolder(layout.folder)
    }

    /// Writes one record and (unless `sync` is false) fsyncs. On failure the file is cut back to the
    /// previous end, so a failed append leaves no partial record behind; returns the record's size.
    @discardableResult
    func append(sequence: UInt64, payload: [UInt8], sync: Bool = true) throws(StoreError) -> Int {
        try append(firstSequence: sequence, payloads: [payload], sync: sync)
    }

    /// Writes consecutive records (sequences from `firstSequence`) with one write and one fsync (none
    /// when `sync` is false: the caller calls `sync()` before saying the records are safe).
    @discardableResult
    func append(firstSequence: UInt64, payloads: [[UInt8]], sync: Bool = true) throws(StoreError) -> Int {
        if let tooLarge = payloads.first(where: { $0.count > Int(UInt32.max) }) {
            throw .recordTooLarge(bytes: tooLarge.count)
        }
        let records = BinaryWriter(capacity: payloads.reduce(0) { $0 + $1.count + JournalFormat.recordHeaderSize })
        for (index, payload) in payloads.enumerated() {
            JournalFormat.appendRecord(sequence: firstSequence + UInt64(index), payload: payload, to: records)
        }
        let written: Result<Void, StoreError> = records.withUnsafeBytes { bytes in
            do throws(StoreError) {
                try file.write(bytes, at: end)
                if sync { try file.sync() }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure = written { try? file.truncate(to: end) }
        try written.get()
        end += records.count
        return records.count
    }

    /// Makes everything written to the file durable, appends by other processes included.
    func sync() throws(StoreError) { try file.sync() }

    func close() { file.close() }
}


extension OpenFile {
    /// Opens a regular file for reading; nil when it does not exist, cannot be opened or is a FIFO,
    /// device, socket or folder (never opened for a blocking read).
    static func openForReading(_ path: String) -> OpenFile? {
        guard let fd = (try? SystemCall.openRegular(path, flags: O_RDONLY)) ?? nil else { return nil }
        return OpenFile(fd: fd, path: path)
    }
}
