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
    /// Sequences start at 1; the bound keeps every `+ 1` on them far from overflow, whatever a file says.
    static let sequenceRange: ClosedRange<UInt64> = 1...UInt64(Int64.max)

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

