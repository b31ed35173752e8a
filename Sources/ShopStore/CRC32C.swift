/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) as used by iSCSI (RFC 3720), computed
/// eight bytes at a time with eight lookup tables ("slicing-by-8").
enum CRC32C {
    private static let polynomial: UInt32 = 0x82F6_3B78

    /// 8 tables of 256 entries, flat: table k is at k * 256.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ polynomial : crc >> 1 }
            tables[byte] = crc
        }
        for byte in 0..<256 {
            for k in 1..<8 {
                let previous = tables[(k - 1) * 256 + byte]
                tables[k * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0, with: bytes)
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// Continues a checksum over more bytes: `update(checksum(a), with: b) == checksum(a + b)`.
    static func update(_ checksum: UInt32, with bytes: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { table in
            var crc = ~checksum
            var index = 0
            let count = bytes.count
            while index + 8 <= count {
                let low = crc ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                let high = bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = (crc >> 8) ^ table[Int((crc ^ UInt32(bytes[index])) & 0xFF)]
                index += 1
            }
            return ~crc
        }
    }

    /// The checksum of `a + b` from `checksum(a)`, `checksum(b)` and `b`'s length, without the bytes
    /// (zlib's `crc32_combine`: appending `lengthOfB` zero bytes is a linear map, applied by squaring):
    /// lets chunks be checksummed in parallel.
    static func combine(_ checksumOfA: UInt32, _ checksumOfB: UInt32, lengthOfB: Int) -> UInt32 {
        guard lengthOfB > 0 else { return checksumOfA }
        var odd = [UInt32](repeating: 0, count: 32)
        var even = [UInt32](repeating: 0, count: 32)
        odd[0] = polynomial
        var row: UInt32 = 1
        for n in 1..<32 {
            odd[n] = row
            row <<= 1
        }
        square(into: &even, odd)
        square(into: &odd, even)
        var crc = checksumOfA
        var length = lengthOfB
        while true {
            square(into: &even, odd)
            if length & 1 != 0 { crc = times(even, crc) }
            length >>= 1
            if length == 0 { break }
            square(into: &odd, even)
            if length & 1 != 0 { crc = times(odd, crc) }
            length >>= 1
            if length == 0 { break }
        }
        return crc ^ checksumOfB
    }

    private static func times(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
        var sum: UInt32 = 0
        var vector = vector
        var index = 0
        while vector != 0 {
            if vector & 1 != 0 { sum ^= matrix[index] }
            vector >>= 1
            index += 1
        }
        return sum
    }

    private static func square(into result: inout [UInt32], _ matrix: [UInt32]) {
        for n in 0..<32 { result[n] = times(matrix, matrix[n]) }
    }
}
