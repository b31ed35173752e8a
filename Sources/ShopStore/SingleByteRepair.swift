/// Reads a header whose checksum fails as if one byte were damaged: tries every value of every byte
/// and keeps the repair only when exactly one makes the checksum match. Used only to *name* what
/// damaged bytes held (a record's sequence, the records a snapshot covered), never to use their data.
enum SingleByteRepair {
    /// The header `bytes` (checksummed over `bytes[0..<checksumOffset]`, the CRC32C little-endian at
    /// `checksumOffset`) with its one damaged byte repaired; nil when no repair, or more than one, fits.
    static func header(_ bytes: [UInt8], checksumOffset: Int) -> [UInt8]? {
        guard bytes.count >= checksumOffset + 4 else { return nil }
        var found: [UInt8]?
        var candidate = bytes
        // Bounded: 256 values for each byte of a 20- or 40-byte header.
        for index in 0..<(checksumOffset + 4) {
            let original = candidate[index]
            for value in 0...255 where UInt8(value) != original {
                candidate[index] = UInt8(value)
                if matches(candidate, checksumOffset: checksumOffset) {
                    if found != nil { return nil }
                    found = candidate
                }
            }
            candidate[index] = original
        }
        return found
    }

    private static func matches(_ bytes: [UInt8], checksumOffset: Int) -> Bool {
        let stored = UInt32(bytes[checksumOffset]) | UInt32(bytes[checksumOffset + 1]) << 8
            | UInt32(bytes[checksumOffset + 2]) << 16 | UInt32(bytes[checksumOffset + 3]) << 24
        return CRC32C.checksum(bytes[0..<checksumOffset]) == stored
    }
}
