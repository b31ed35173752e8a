/// The index's terms, numbered by id: their UTF-8 bytes end to end in one pool, with the offset
/// where each starts. One allocation (or one mapped range) instead of a `String` per term, and
/// terms compared as bytes.
struct TermTable: Sendable {
    var bytes = FlatArray<UInt8>()
    /// `offsets[id]..<offsets[id + 1]` are the bytes of term `id`.
    var offsets = FlatArray<Int>([0])

    var count: Int { offsets.count - 1 }

    @inline(__always)
    func withBytes<R>(_ id: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = offsets[Int(id)]
        let end = offsets[Int(id) + 1]
        return bytes.withUnsafeBufferPointer { pool in body(UnsafeBufferPointer(rebasing: pool[start..<end])) }
    }

    func string(_ id: UInt32) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// The byte length of term `id`.
    func length(_ id: UInt32) -> Int { offsets[Int(id) + 1] - offsets[Int(id)] }

    /// Adds `term` as the next id.
    @discardableResult
    mutating func append(_ term: String) -> UInt32 {
        let id = UInt32(count)
        for byte in term.utf8 { bytes.append(byte) }
        offsets.append(bytes.count)
        return id
    }

    /// Byte order of two byte strings: negative, zero or positive.
    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(a.count, b.count)
        var index = 0
        while index < shared {
            if a[index] != b[index] { return Int(a[index]) - Int(b[index]) }
            index += 1
        }
        return a.count - b.count
    }

    /// Whether term `id` begins with `prefix`.
    @inline(__always)
    func term(_ id: UInt32, startsWith prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        withBytes(id) { term in
            guard term.count >= prefix.count else { return false }
            for index in 0..<prefix.count where term[index] != prefix[index] { return false }
            return true
        }
    }
}
