/// Appends values in the store's compact binary encoding: fixed-width little-endian integers for
/// headers, LEB128 varints (zigzag for signed values) for everything else, strings as length + UTF-8.
///
/// A class over raw memory rather than an `[UInt8]`: appending is the hot path of a snapshot
/// (a million products), and this avoids the array's per-append uniqueness and capacity checks.
final class BinaryWriter {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(64, capacity)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    func byte(_ value: UInt8) {
        reserve(1)
        base.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    func bool(_ value: Bool) { byte(value ? 1 : 0) }

    func fixed32(_ value: UInt32) {
        reserve(4)
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: UInt32.self)
        count += 4
    }

    func fixed64(_ value: UInt64) {
        reserve(8)
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: UInt64.self)
        count += 8
    }

    func raw(_ data: UnsafeRawBufferPointer) {
        guard data.count > 0 else { return }
        reserve(data.count)
        (base + count).copyMemory(from: data.baseAddress!, byteCount: data.count)
        count += data.count
    }

    func raw(_ data: [UInt8]) { data.withUnsafeBytes { raw($0) } }

    func varint(_ value: UInt64) {
        reserve(10)
        var rest = value
        var position = count
        while rest >= 0x80 {
            base.storeBytes(of: UInt8(truncatingIfNeeded: rest) | 0x80, toByteOffset: position, as: UInt8.self)
            position += 1
            rest >>= 7
        }
        base.storeBytes(of: UInt8(rest), toByteOffset: position, as: UInt8.self)
        count = position + 1
    }

    /// Signed integers, zigzag-encoded so that small negative numbers stay short.
    func int(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func int(_ value: Int) { int(Int64(value)) }

    func count(_ value: Int) { varint(UInt64(value)) }

    func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            raw(UnsafeRawBufferPointer(utf8))
        }
    }

    func optional<T>(_ value: T?, _ write: (BinaryWriter, T) -> Void) {
        if let value {
            byte(1)
            write(self, value)
        } else {
            byte(0)
        }
    }

    func array<Values: Collection>(_ values: Values, _ write: (BinaryWriter, Values.Element) -> Void) {
        count(values.count)
        for value in values { write(self, value) }
    }

    /// Overwrites bytes at `offset` (used to fill in lengths and checksums after the fact).
    func patch32(_ value: UInt32, at offset: Int) {
        base.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
    }

    func patch64(_ value: UInt64, at offset: Int) {
        base.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt64.self)
    }
}
