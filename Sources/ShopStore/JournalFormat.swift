/// The journal file's layout.
///
/// File header (16 bytes): magic `CMPTJRNL` · format version u32 · CRC32C u32 of the 12 bytes before it.
/// Then records, each a 20-byte header — payload length u32 · sequence number u64 · payload CRC32C u32 ·
/// header CRC32C u32 (of the 16 bytes before it) — followed by the payload: the events of one command
/// (`EventCodec`). The header checksum tells a damaged length apart from a record cut short by a crash.
enum JournalFormat {
    static let magic: [UInt8] = Array("CMPTJRNL".utf8)
    static let formatVersion: UInt32 = 1
    static let fileHeaderSize = 16
    static let recordHeaderSize = 20

    static func fileHeader() -> [UInt8] {
        let writer = BinaryWriter(capacity: fileHeaderSize)
        writer.raw(magic)
        writer.fixed32(formatVersion)
        writer.fixed32(CRC32C.checksum(writer.bytes))
        return writer.bytes
    }

    static func record(sequence: UInt64, payload: [UInt8]) -> [UInt8] {
        let writer = BinaryWriter(capacity: recordHeaderSize + payload.count)
        appendRecord(sequence: sequence, payload: payload, to: writer)
        return writer.bytes
    }

    static func appendRecord(sequence: UInt64, payload: [UInt8], to writer: BinaryWriter) {
        let start = writer.count
        writer.fixed32(UInt32(payload.count))
        writer.fixed64(sequence)
        writer.fixed32(CRC32C.checksum(payload))
        writer.fixed32(writer.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<(start + 16)])) })
        writer.raw(payload)
    }
}

/// One well-formed record found in a journal.
struct JournalRecord: Equatable {
    var offset: Int
    var sequence: UInt64
    var payloadOffset: Int { offset + JournalFormat.recordHeaderSize }
    var payloadLength: Int
    var end: Int { payloadOffset + payloadLength }
}

/// What a scan of the journal's bytes found: the good records, then either the clean end, a torn tail
/// (an unfinished last record, safe to cut off), or damage (which must stop the open).
struct JournalScan {
    var records: [JournalRecord] = []
    /// Where the good data ends; a torn tail or damage starts here.
    var goodEnd: Int = 0
    var tornTail: (offset: Int, reason: String)?
    var damage: (offset: Int, reason: String)?
    var fileSize: Int = 0

    var tornBytes: Int { tornTail == nil ? 0 : fileSize - goodEnd }

    static func scan(_ buffer: UnsafeRawBufferPointer) -> JournalScan {
        var scan = JournalScan()
        scan.fileSize = buffer.count
        scan.run(buffer)
        return scan
    }

    static func scan(_ bytes: [UInt8]) -> JournalScan {
        bytes.withUnsafeBytes { scan($0) }
    }

    private mutating func run(_ buffer: UnsafeRawBufferPointer) {
        let header = JournalFormat.fileHeader()
        let headerSize = JournalFormat.fileHeaderSize
        if buffer.count < headerSize {
            let isPrefix = buffer.indices.allSatisfy { buffer[$0] == header[$0] || buffer[$0] == 0 }
            if isPrefix {
                tornTail = (0, "the journal header is cut short (\(buffer.count) of \(headerSize) bytes)")
            } else {
                damage = (0, "not a Comptoir journal (wrong magic number)")
            }
            return
        }
        for index in 0..<JournalFormat.magic.count where buffer[index] != header[index] {
            damage = (index, "not a Comptoir journal (wrong magic number)")
            return
        }
        let version = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == JournalFormat.formatVersion else {
            damage = (8, "journal format version \(version) is unknown (this Comptoir reads version \(JournalFormat.formatVersion))")
            return
        }
        for index in 8..<headerSize where buffer[index] != header[index] {
            damage = (index, "journal header checksum mismatch")
            return
        }
        scanRecords(buffer, from: headerSize, after: nil)
    }

    /// Records appended after the part of a journal already read: `buffer` holds the bytes from a
    /// record boundary on (offsets in the result are relative to it); `previous` is the sequence of
    /// the record before them, if any, which the first one must follow.
    static func scanRecords(_ buffer: UnsafeRawBufferPointer, after previous: UInt64?) -> JournalScan {
        var scan = JournalScan()
        scan.fileSize = buffer.count
        scan.scanRecords(buffer, from: 0, after: previous)
        return scan
    }

    private mutating func scanRecords(_ buffer: UnsafeRawBufferPointer, from start: Int, after last: UInt64?) {
        var offset = start
        goodEnd = offset
        var previous = last
        let zeroStart = Self.trailingZerosStart(buffer)
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
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
            let sequence = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt64.self).littleEndian
            let payloadCRC = buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self).littleEndian
            let headerCRC = buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self).littleEndian
            guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + 16)])) == headerCRC else {
                damage = (offset, "record header checksum mismatch (after sequence \(previous.map(String.init) ?? "none"))")
                return
            }
            let record = JournalRecord(offset: offset, sequence: sequence, payloadLength: length)
            if record.end > buffer.count {
                tornTail = (offset, "record \(sequence) cut short (\(remaining - JournalFormat.recordHeaderSize) of \(length) payload bytes)")
                return
            }
            let payload = UnsafeRawBufferPointer(rebasing: buffer[record.payloadOffset..<record.end])
            guard CRC32C.checksum(payload) == payloadCRC else {
                // A crash can leave the file longer than what reached the disk: the last record then
                // ends in zeros that run to the end of the file. A lone zero byte proves nothing.
                let zeroRun = buffer.count - zeroStart
                if zeroStart >= record.payloadOffset && zeroStart < record.end && (zeroRun >= 8 || buffer.count > record.end) {
                    tornTail = (offset, "record \(sequence) cut short: its last \(record.end - zeroStart) bytes and all after it are zeros")
                    return
                }
                damage = (record.payloadOffset, "record \(sequence) checksum mismatch")
                return
            }
            if let previous, sequence != previous + 1 {
                damage = (offset, "record sequence \(sequence) follows \(previous) (expected \(previous + 1))")
                return
            }
            records.append(record)
            previous = sequence
            offset = record.end
            goodEnd = offset
        }
    }

    /// Where the run of zero bytes that reaches the end of the buffer starts (the end when there is none).
    private static func trailingZerosStart(_ buffer: UnsafeRawBufferPointer) -> Int {
        var start = buffer.count
        while start > 0 && buffer[start - 1] == 0 { start -= 1 }
        return start
    }
}
