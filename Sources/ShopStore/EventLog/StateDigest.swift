import ShopCore

/// A checksum of a whole shop state: the CRC-32C and length of its snapshot encoding (which is
/// deterministic: carts sorted by key). Two stores holding the same shop give the same digest,
/// whatever their kind, so `store verify` on both shows a copy is faithful.
public enum StateDigest {
    public static func of(_ state: ShopState) -> String {
        var checksum: UInt32 = 0
        var length = 0
        for piece in StateCodec.encode(state) {
            let pieceChecksum = piece.withUnsafeBytes { CRC32C.checksum($0) }
            checksum = CRC32C.combine(checksum, pieceChecksum, lengthOfB: piece.count)
            length += piece.count
        }
        let hex = String(checksum, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex + "-\(length)"
    }
}
