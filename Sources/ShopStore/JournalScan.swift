/// One well-formed record found in a journal.
struct JournalRecord: Equatable {
    var offset: Int
    var sequence: UInt64
    var payloadOffset: Int { offset + JournalFormat.recordHeaderSize }
    var payloadLength: Int
    var end: Int { payloadOffset + payloadLength }
}

/// Bytes of a journal that are not a whole, checksummed record in sequence: a damaged record, bytes
/// whose record header is unreadable, a record out of order, or a damaged file header.
struct JournalDamage: Equatable {
    /// The byte reported to the user (a damaged payload is reported at its first byte).
    var offset: Int
    /// The damaged stretch: scanning went on at `end`.
    var start: Int
    var end: Int
    var reason: String
    /// The sequence the record's own (intact) header names; nil when its header is unreadable.
    var sequence: UInt64?
    /// The intact records around it: the last before (0 when none) and the first after (nil when none).
    var after: UInt64
    var before: UInt64?
    /// The file header (magic, version, checksum): it holds no record.
    var isFileHeader = false

    /// The sequences the damaged bytes may have held: nil when none; `highest` nil when unbounded
    /// (unreadable bytes that run to the end of the file).
    var heldSequences: (lowest: UInt64, highest: UInt64?)? {
        if isFileHeader { return nil }
        if let sequence { return (sequence, sequence) }
        guard let before else { return (after + 1, nil) }
        return before > after + 1 ? (after + 1, before - 1) : nil
    }

    /// Whether a record after `covered` (the sequence a snapshot covers) may have been in these bytes.
    func mayHoldRecords(after covered: UInt64) -> Bool {
        guard let held = heldSequences else { return false }
        guard let highest = held.highest else { return true }
        return highest > covered
    }

    /// "record 4", "records 3–5", "records from 6 on": what the bytes may have held, for messages.
    var heldDescription: String {
        guard let held = heldSequences else { return isFileHeader ? "the file header" : "no record" }
        guard let highest = held.highest else { return "records from \(held.lowest) on" }
        return highest == held.lowest ? "record \(highest)" : "records \(held.lowest)–\(highest)"
    }
}

/// What a scan of the journal's bytes found: every intact record (whole, checksummed, in increasing
/// sequence order), every damaged stretch between them, and a torn tail (an unfinished last record,
/// safe to cut off). Scanning goes on past damage: a record with an intact header is skipped by its
/// length, unreadable bytes by searching for the next intact record, so the records after a damaged
/// one are still found.
struct JournalScan {
    var records: [JournalRecord] = []
    var damages: [JournalDamage] = []
    /// Where the scanned data ends: a torn tail starts here, and the next record is appended here.
    var goodEnd: Int = 0
    var tornTail: (offset: Int, reason: String)?
    /// The sequence the torn record's header names, when its header is whole: a torn record that a
    /// snapshot covers was acknowledged, so the journal was cut short rather than torn by a crash.
    var tornSequence: UInt64?
    var fileSize: Int = 0
    /// Damages before this index already know the intact record after them.
    private var firstDamageWithoutNext = 0
    /// A strict scan (`scanRecords(_:after:)`) stops at the first damage; its first record must follow
    /// `strictPrevious` when set.
    private var isStrict = false
    private var strictPrevious: UInt64?

    var tornBytes: Int { tornTail == nil ? 0 : fileSize - goodEnd }

    /// What cutting the torn tail means, for the warning: a record a snapshot covers was acknowledged, so
    /// the file was cut short (by hand, or by a full disk) rather than torn by a crash mid-write.
    func tornTailMeaning(snapshotCovers covered: UInt64) -> String {
        guard let tornSequence, tornSequence <= covered else { return "it had not been acknowledged" }
        return "record \(tornSequence) was acknowledged (the snapshot covers it), so the journal was cut short: records after it that only the journal held, if any, are lost"
    }

    /// The first damage, if any.
    var damage: (offset: Int, reason: String)? { damages.first.map { ($0.offset, $0.reason) } }

    /// Damage to the file header (magic number, version, checksum), if any.
    var headerDamage: JournalDamage? { damages.first { $0.isFileHeader } }

    static func scan(_ buffer: UnsafeRawBufferPointer) -> JournalScan {
        var scan = JournalScan()
        scan.fileSize = buffer.count
        scan.run(buffer)
        return scan
    }

    static func scan(_ bytes: [UInt8]) -> JournalScan {
        bytes.withUnsafeBytes { scan($0) }
    }

    /// Records appended after the part of a journal already read, scanned strictly (for following a
    /// journal other processes append to): `buffer` holds the bytes from a record boundary on (offsets
    /// in the result are relative to it); the first record must follow `previous`, each the one before,
    /// and the scan stops at the first damage or break in sequence, reported in `damage`.
    static func scanRecords(_ buffer: UnsafeRawBufferPointer, after previous: UInt64?) -> JournalScan {
        var scan = JournalScan()
        scan.fileSize = buffer.count
        scan.isStrict = true
        scan.strictPrevious = previous
        scan.scanRecords(buffer, from: 0)
        return scan
    }

    private mutating func run(_ buffer: UnsafeRawBufferPointer) {
        let header = JournalFormat.fileHeader()
        let headerSize = JournalFormat.fileHeaderSize
        if buffer.count < headerSize {
            let isPrefix = buffer.indices.allSatisfy { buffer[$0] == header[$0] || buffer[$0] == 0 }
            if isPrefix {
                tornTail = (0, "the journal header is cut short (\(buffer.count) of \(headerSize) bytes)")
            } else {
                damages.append(headerDamageAt(0, "not a Comptoir journal (wrong magic number)", end: buffer.count))
            }
            return
        }
        if let index = JournalFormat.magic.indices.first(where: { buffer[$0] != header[$0] }) {
            damages.append(headerDamageAt(index, "not a Comptoir journal (wrong magic number)", end: headerSize))
        } else {
            let version = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            if version != JournalFormat.formatVersion {
                damages.append(headerDamageAt(8, "journal format version \(version) is unknown (this Comptoir reads version \(JournalFormat.formatVersion))", end: headerSize))
            } else if let index = (8..<headerSize).first(where: { buffer[$0] != header[$0] }) {
                damages.append(headerDamageAt(index, "journal header checksum mismatch", end: headerSize))
            }
        }
        scanRecords(buffer, from: headerSize)
    }

    private func headerDamageAt(_ offset: Int, _ reason: String, end: Int) -> JournalDamage {
        JournalDamage(offset: offset, start: 0, end: end, reason: reason, sequence: nil, after: 0, before: nil, isFileHeader: true)
    }

    private mutating func scanRecords(_ buffer: UnsafeRawBufferPointer, from start: Int) {
        var offset = start
        goodEnd = offset
        let zeroStart = Self.trailingZerosStart(buffer)
        // Bounded: every turn moves `offset` forward by at least one byte.
        while offset < buffer.count {
            let remaining = buffer.count - offset
            if zeroStart < buffer.count && zeroStart < offset + JournalFormat.recordHeaderSize {
                tornTail = (offset, zeroStart <= offset
                    ? "zero-filled tail of \(remaining) bytes"
                    : "record header cut short and followed by \(buffer.count - zeroStart) zero bytes")
                return
            }
            if remaining < JournalFormat.recordHeaderSize {
                tornTail = (offset, "record header cut short (\(remaining) of \(JournalFormat.recordHeaderSize) bytes)")
                return
            }
            guard Self.headerIsIntact(buffer, at: offset) else {
                let reason = "record header checksum mismatch (after sequence \(records.last.map { String($0.sequence) } ?? "none"))"
                if let repaired = Self.repairedRecord(buffer, at: offset) {
                    addDamage(offset: offset, start: offset, end: repaired.end, sequence: repaired.sequence,
                              reason: reason + "; its header, repaired, names record \(repaired.sequence)")
                    if isStrict { return }
                    offset = repaired.end
                    goodEnd = offset
                    continue
                }
                let resume = Self.nextIntactRecord(buffer, after: offset) ?? buffer.count
                addDamage(offset: offset, start: offset, end: resume, sequence: nil, reason: reason)
                if isStrict { return }
                offset = resume
                goodEnd = offset
                continue
            }
            let record = Self.record(buffer, at: offset)
            if record.end > buffer.count {
                tornSequence = record.sequence
                tornTail = (offset, "record \(record.sequence) cut short (\(remaining - JournalFormat.recordHeaderSize) of \(record.payloadLength) payload bytes)")
                return
            }
            guard Self.payloadIsIntact(buffer, record) else {
                // A crash can leave the file longer than what reached the disk: the last record then
                // ends in zeros that run to the end of the file. A lone zero byte proves nothing.
                let zeroRun = buffer.count - zeroStart
                if zeroStart >= record.payloadOffset && zeroStart < record.end && (zeroRun >= 8 || buffer.count > record.end) {
                    tornSequence = record.sequence
                    tornTail = (offset, "record \(record.sequence) cut short: its last \(record.end - zeroStart) bytes and all after it are zeros")
                    return
                }
                addDamage(offset: record.payloadOffset, start: offset, end: record.end, sequence: record.sequence,
                          reason: "record \(record.sequence) checksum mismatch")
                if isStrict { return }
                offset = record.end
                goodEnd = offset
                continue
            }
            if let reason = strictBreak(record) {
                addDamage(offset: offset, start: offset, end: record.end, sequence: record.sequence, reason: reason)
                return
            }
            if !JournalFormat.sequenceRange.contains(record.sequence) {
                addDamage(offset: offset, start: offset, end: record.end, sequence: nil,
                          reason: "record sequence \(record.sequence) is out of range (1 to \(JournalFormat.sequenceRange.upperBound))")
                if isStrict { return }
            } else if let previous = records.last, record.sequence <= previous.sequence {
                addDamage(offset: offset, start: offset, end: record.end, sequence: record.sequence,
                          reason: "record sequence \(record.sequence) follows \(previous.sequence) (out of order)")
            } else {
                for index in firstDamageWithoutNext..<damages.count where !damages[index].isFileHeader {
                    damages[index].before = record.sequence
                }
                firstDamageWithoutNext = damages.count
                records.append(record)
            }
            offset = record.end
            goodEnd = offset
        }
    }

    private mutating func addDamage(offset: Int, start: Int, end: Int, sequence: UInt64?, reason: String) {
        damages.append(JournalDamage(offset: offset, start: start, end: end, reason: reason, sequence: sequence,
                                     after: records.last?.sequence ?? 0, before: nil))
    }

    /// In a strict scan, the reason `record` cannot come next: it does not follow the record before it.
    private func strictBreak(_ record: JournalRecord) -> String? {
        guard isStrict, let previous = records.last?.sequence ?? strictPrevious else { return nil }
        return record.sequence == previous + 1 ? nil : "record sequence \(record.sequence) follows \(previous) (expected \(previous + 1))"
    }

    private static func headerIsIntact(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let headerCRC = buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self).littleEndian
        return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + 16)])) == headerCRC
    }

    private static func record(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> JournalRecord {
        let length = Int(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
        let sequence = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt64.self).littleEndian
        return JournalRecord(offset: offset, sequence: sequence, payloadLength: length)
    }

    private static func payloadIsIntact(_ buffer: UnsafeRawBufferPointer, _ record: JournalRecord) -> Bool {
        let payloadCRC = buffer.loadUnaligned(fromByteOffset: record.offset + 12, as: UInt32.self).littleEndian
        return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[record.payloadOffset..<record.end])) == payloadCRC
    }

    /// The record whose header has one damaged byte, when exactly one repair fits and the payload it
    /// then frames is intact: the damage is then known to be that record alone.
    private static func repairedRecord(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> JournalRecord? {
        let header = Array(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + JournalFormat.recordHeaderSize)]))
        guard let repaired = SingleByteRepair.header(header, checksumOffset: 16) else { return nil }
        let candidate = repaired.withUnsafeBytes { record($0, at: 0) }
        let located = JournalRecord(offset: offset, sequence: candidate.sequence, payloadLength: candidate.payloadLength)
        guard located.end <= buffer.count, JournalFormat.sequenceRange.contains(located.sequence) else { return nil }
        let payloadCRC = repaired.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian }
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[located.payloadOffset..<located.end])) == payloadCRC else { return nil }
        return located
    }

    /// The offset of the first whole, checksummed record that starts after `offset`, found by trying
    /// every byte (only after damage, so the cost is paid only then).
    private static func nextIntactRecord(_ buffer: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        var position = offset + 1
        while position + JournalFormat.recordHeaderSize <= buffer.count {
            if headerIsIntact(buffer, at: position) {
                let candidate = record(buffer, at: position)
                if candidate.end <= buffer.count && payloadIsIntact(buffer, candidate) { return position }
            }
            position += 1
        }
        return nil
    }

    /// Where the run of zero bytes that reaches the end of the buffer starts (the end when there is none).
    private static func trailingZerosStart(_ buffer: UnsafeRawBufferPointer) -> Int {
        var start = buffer.count
        while start > 0 && buffer[start - 1] == 0 { start -= 1 }
        return start
    }
}
