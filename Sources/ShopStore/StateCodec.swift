import ShopCore

/// The binary form of the whole `ShopState`, the payload of a snapshot: the catalogue, then the cart.
/// Any change here needs a new `SnapshotFile.formatVersion`.
enum StateCodec {
    static func write(_ state: ShopState, to writer: BinaryWriter) {
        writer.array(state.catalogue.products) { ProductCodec.write($1, to: $0) }
        writer.array(state.cart.lines) { writer, line in
            writer.string(line.sku)
            writer.int(line.quantity)
        }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, fileOffset: Int) throws(DecodingFailure) -> ShopState {
        var reader = BinaryReader(bytes, fileOffset: fileOffset)
        let products = try reader.array(minimumItemSize: 8) { (r: inout BinaryReader) throws(DecodingFailure) in
            try ProductCodec.read(from: &r)
        }
        let lines = try reader.array(minimumItemSize: 2) { (r: inout BinaryReader) throws(DecodingFailure) in
            let sku = try r.string()
            return CartLine(sku: sku, quantity: try r.int())
        }
        guard reader.isAtEnd else { throw reader.failure("\(reader.remaining) unexpected bytes after the shop state") }
        return ShopState(catalogue: Catalogue(products: products), cart: Cart(lines: lines))
    }
}
