#if canImport(Glibc)
import Glibc
#endif

/// Why bytes could not be decoded, with the absolute file offset where the problem was seen.
struct DecodingFailure: Error, Equatable {
    var offset: Int
    var reason: String
    /// Set when the bytes were written by a newer Comptoir in a format this one cannot read: not damage.
    var newerFormat: NewerFormat? = nil

    /// A failure at `offset` because the bytes are of format `version`, newer than `readable`.
    static func newer(at offset: Int, version: UInt64, readable: UInt32) -> DecodingFailure {
        let written = UInt32(clamping: version)
        return DecodingFailure(offset: offset, reason: "written by a newer Comptoir (format \(written)); this one reads up to \(readable)",
                               newerFormat: NewerFormat(version: written, readable: readable))
    }

    /// The store's error for this failure in `file`: damage, or a newer format.
    func storeError(file: String) -> StoreError {
        if let newerFormat {
            return .newerFormat(file: file, offset: offset, version: newerFormat.version, readable: newerFormat.readable)
        }
        return .corrupted(file: file, offset: offset, reason: reason)
    }
}

/// The format version found and the newest one this Comptoir reads.
struct NewerFormat: Equatable {
    var version: UInt32
    var readable: UInt32
}

/// Reads the encoding written by `BinaryWriter` from a borrowed buffer. `fileOffset` is where the
/// buffer starts in its file, so failures name absolute offsets.
struct BinaryReader {
    let buffer: UnsafeRawBufferPointer
    private let fileOffset: Int
    private(set) var position = 0

    init(_ buffer: UnsafeRawBufferPointer, fileOffset: Int = 0) {
        self.buffer = buffer
        self.fileOffset = fileOffset
    }

    var isAtEnd: Bool { position == buffer.count }
    var remaining: Int { buffer.count - position }
    var absolutePosition: Int { fileOffset + position }

    func failure(_ reason: String) -> DecodingFailure {
        DecodingFailure(offset: fileOffset + position, reason: reason)
    }

    private func need(_ count: Int) throws(DecodingFailure) {
        if count > remaining { throw failure("ends after \(remaining) of \(count) expected bytes") }
    }

    mutating func byte() throws(DecodingFailure) -> UInt8 {
        try need(1)
        defer { position += 1 }
        return buffer[position]
    }

    mutating func bool() throws(DecodingFailure) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other:
            position -= 1
            throw failure("expected a flag 0 or 1, found \(other)")
        }
    }

    mutating func fixed32() throws(DecodingFailure) -> UInt32 {
        try need(4)
        defer { position += 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func fixed64() throws(DecodingFailure) -> UInt64 {
        try need(8)
        defer { position += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func raw(_ count: Int) throws(DecodingFailure) -> UnsafeRawBufferPointer {
        try need(count)
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: buffer[position..<(position + count)])
    }

    @inline(__always)
    mutating func varint() throws(DecodingFailure) -> UInt64 {
        if position < buffer.count {
            let first = buffer[position]
            if first < 0x80 {
                position += 1
                return UInt64(first)
            }
        }
        return try longVarint()
    }

    private mutating func longVarint() throws(DecodingFailure) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = position
        while true {
            guard position < buffer.count else {
                position = start
                throw failure("a number runs past the end of the data")
            }
            let next = buffer[position]
            position += 1
            if shift == 63 && next > 1 {
                position = start
                throw failure("a number is longer than 64 bits")
            }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int64() throws(DecodingFailure) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func int() throws(DecodingFailure) -> Int {
        let start = position
        let value = try int64()
        guard let result = Int(exactly: value) else {
            position = start
            throw failure("number \(value) does not fit this machine's integers")
        }
        return result
    }

    /// A count of items that each take at least `minimumItemSize` bytes, checked against what is left.
    mutating func count(minimumItemSize: Int = 1) throws(DecodingFailure) -> Int {
        let start = position
        let value = try varint()
        let (needed, overflow) = value.multipliedReportingOverflow(by: UInt64(max(1, minimumItemSize)))
        guard !overflow, needed <= UInt64(remaining) else {
            position = start
            throw failure("a count of \(value) items exceeds the \(remaining) bytes left")
        }
        return Int(value)
    }

    mutating func string() throws(DecodingFailure) -> String {
        let start = position
        let length = try varint()
        guard length <= UInt64(remaining) else {
            position = start
            throw failure("a text of \(length) bytes runs past the \(remaining) bytes left")
        }
        let end = position + Int(length)
        defer { position = end }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[position..<end]), as: UTF8.self)
    }

    /// A text as `string()` does, shared through `interner` with earlier equal texts. Texts that fit
    /// in a `String` without a heap allocation (15 bytes or fewer) are simply made.
    mutating func string(interning interner: inout ByteInterner<String>) throws(DecodingFailure) -> String {
        let start = position
        let length = try varint()
        guard length <= UInt64(remaining) else {
            position = start
            throw failure("a text of \(length) bytes runs past the \(remaining) bytes left")
        }
        let range = position..<(position + Int(length))
        position = range.upperBound
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[range])
        if length <= 15 { return String(decoding: bytes, as: UTF8.self) }
        return interner.value(for: range) { String(decoding: bytes, as: UTF8.self) }
    }

    /// A list of texts as `array { try $0.string() }` reads it, shared through `interner` with earlier
    /// lists encoded with the same bytes.
    mutating func stringArray(interning interner: inout ByteInterner<[String]>) throws(DecodingFailure) -> [String] {
        let start = position
        guard let end = endOfStringArray(), end - start > 1 else {
            position = start
            return try array { (r: inout BinaryReader) throws(DecodingFailure) in try r.string() }
        }
        position = start
        let list = try interner.value(for: start..<end) { () throws(DecodingFailure) in
            try array { (r: inout BinaryReader) throws(DecodingFailure) in try r.string() }
        }
        position = end
        return list
    }

    /// Where the list of texts at the current position ends, or nil if it is damaged (the caller then
    /// decodes it the usual way, which reports the damage).
    private mutating func endOfStringArray() -> Int? {
        guard let total = try? count(minimumItemSize: 1) else { return nil }
        for _ in 0..<total {
            guard let length = try? varint(), length <= UInt64(remaining) else { return nil }
            position += Int(length)
        }
        return position
    }

    /// A reader of the next `length` bytes (failures still name offsets in the file); this one moves past them.
    mutating func section(length: Int) throws(DecodingFailure) -> BinaryReader {
        try need(length)
        defer { position += length }
        return BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[position..<(position + length)]), fileOffset: fileOffset + position)
    }

    /// Moves past a text without making it.
    mutating func skipString() throws(DecodingFailure) {
        let start = position
        let length = try varint()
        guard length <= UInt64(remaining) else {
            position = start
            throw failure("a text of \(length) bytes runs past the \(remaining) bytes left")
        }
        position += Int(length)
    }

    /// A value as `read` reads it, shared through `interner` with earlier values encoded with the same
    /// bytes: `skip` finds where the encoding ends without making anything, and only bytes not seen
    /// before are read (and checked) by `read`.
    mutating func value<Value>(
        sharedThrough interner: inout ByteInterner<Value>,
        skip: (inout BinaryReader) throws(DecodingFailure) -> Void,
        read: (inout BinaryReader) throws(DecodingFailure) -> Value
    ) throws(DecodingFailure) -> Value {
        let start = position
        var fresh = self
        try skip(&self)
        let end = position
        return try interner.value(for: start..<end) { () throws(DecodingFailure) in
            let value = try read(&fresh)
            guard fresh.position == end else {
                throw fresh.failure("a value read \(fresh.position - start) bytes where its encoding takes \(end - start)")
            }
            return value
        }
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws(DecodingFailure) -> T) throws(DecodingFailure) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(
        minimumItemSize: Int = 1, _ read: (inout BinaryReader) throws(DecodingFailure) -> T
    ) throws(DecodingFailure) -> [T] {
        let total = try count(minimumItemSize: minimumItemSize)
        if total == 0 { return [] }
        var values: [T] = []
        values.reserveCapacity(total)
        for _ in 0..<total { values.append(try read(&self)) }
        return values
    }
}
