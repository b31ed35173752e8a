#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shares one decoded value among all the places that encode it with the same bytes: a brand, a
/// category or a list of tags repeats across a million products, and decoding it once per chunk
/// instead of once per product saves a heap allocation per product (and its memory).
///
/// Keys are byte ranges of `buffer`, the bytes being decoded, which must stay valid while the
/// interner is used. The table stops taking new entries at `capacity`, so that fields whose values
/// turn out to be unique cost little more than a hash each.
struct ByteInterner<Value> {
    private struct Slot {
        /// 0 marks an empty slot; stored hashes have their lowest bit set.
        var hash: UInt64 = 0
        var start: Int32 = 0
        var length: Int32 = 0
        var value: Int32 = 0
    }

    private let buffer: UnsafeRawBufferPointer
    private var slots: [Slot]
    private var values: [Value] = []
    private let capacity: Int
    private let mask: Int

    init(buffer: UnsafeRawBufferPointer, capacity: Int = 4096) {
        self.buffer = buffer
        self.capacity = capacity
        guard capacity > 0 else {
            slots = []
            mask = 0
            return
        }
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    /// An interner that keeps nothing, for decoding a single value.
    static func none(for buffer: UnsafeRawBufferPointer) -> ByteInterner { ByteInterner(buffer: buffer, capacity: 0) }

    /// The value already made for the bytes `range` of the buffer, or the one `make` returns, kept
    /// for next time while there is room.
    @inline(__always)
    mutating func value<E: Error>(for range: Range<Int>, make: () throws(E) -> Value) throws(E) -> Value {
        guard !slots.isEmpty, range.upperBound <= Int(Int32.max) else { return try make() }
        let hash = Self.hash(UnsafeRawBufferPointer(rebasing: buffer[range])) | 1
        var index = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[index].hash != 0 {
            let slot = slots[index]
            if slot.hash == hash, Int(slot.length) == range.count,
               memcmp(buffer.baseAddress! + Int(slot.start), buffer.baseAddress! + range.lowerBound, range.count) == 0 {
                return values[Int(slot.value)]
            }
            index = (index + 1) & mask
        }
        let value = try make()
        if values.count < capacity {
            slots[index] = Slot(hash: hash, start: Int32(range.lowerBound), length: Int32(range.count), value: Int32(values.count))
            values.append(value)
        }
        return value
    }

    /// A fast multiplicative hash of a few dozen bytes, eight at a time.
    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
