/// Appends records to the journal file; every append is written and fsynced before it returns.
final class JournalWriter {
    private let file: OpenFile
    /// The end of the last good record: where the next one goes.
    private(set) var end: Int

    private init(file: OpenFile, end: Int) {
        self.file = file
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
        } catch {
            file.close()
            throw error
        }
        return JournalWriter(file: file, end: end)
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

    /// Writes one record and fsyncs. On failure the file is cut back to the previous end, so a failed
    /// append leaves no partial record behind; returns the record's size.
    @discardableResult
    func append(sequence: UInt64, payload: [UInt8]) throws(StoreError) -> Int {
        try append(firstSequence: sequence, payloads: [payload])
    }

    /// Writes consecutive records (sequences from `firstSequence`) with one write and one fsync.
    @discardableResult
    func append(firstSequence: UInt64, payloads: [[UInt8]]) throws(StoreError) -> Int {
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
                try file.sync()
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

    func close() { file.close() }
}
