import ShopCore

/// The binary form of `ShopEvent`s in journal records: a count, then per event a tag byte and its fields.
///
/// To add an event case: give it the next unused `Tag`, and write and read its fields in the two
/// switches below (the compiler points at the first one). Tags are never reused or renumbered.
enum EventCodec {
    enum Tag: UInt8 {
        case productsUpserted = 1
        case cartLineSet = 2
        case cartCleared = 3
        /// A trade event; see `CommerceEventCodec`.
        case commerce = 4
    }

    static func encode(_ events: [ShopEvent]) -> [UInt8] {
        let writer = BinaryWriter(capacity: 64)
        writer.array(events) { write($1, to: $0) }
        return writer.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, fileOffset: Int) throws(DecodingFailure) -> [ShopEvent] {
        var reader = BinaryReader(bytes, fileOffset: fileOffset)
        let events = try reader.array { (r: inout BinaryReader) throws(DecodingFailure) in try read(from: &r) }
        guard reader.isAtEnd else { throw reader.failure("\(reader.remaining) unexpected bytes after the events") }
        return events
    }

    static func write(_ event: ShopEvent, to writer: BinaryWriter) {
        switch event {
        case let .productsUpserted(products):
            writer.byte(Tag.productsUpserted.rawValue)
            writer.array(products) { ProductCodec.write($1, to: $0) }
        case let .cartLineSet(sku, quantity):
            writer.byte(Tag.cartLineSet.rawValue)
            writer.string(sku)
            writer.int(quantity)
        case .cartCleared:
            writer.byte(Tag.cartCleared.rawValue)
        case let .commerce(event):
            writer.byte(Tag.commerce.rawValue)
            CommerceEventCodec.write(event, to: writer)
        }
    }

    static func read(from reader: inout BinaryReader) throws(DecodingFailure) -> ShopEvent {
        let start = reader.absolutePosition
        let rawTag = try reader.byte()
        guard let tag = Tag(rawValue: rawTag) else {
            throw DecodingFailure(offset: start, reason: "unknown event tag \(rawTag) (written by a newer Comptoir?)")
        }
        switch tag {
        case .productsUpserted:
            return .productsUpserted(try reader.array(minimumItemSize: 8) { (r: inout BinaryReader) throws(DecodingFailure) in
                try ProductCodec.read(from: &r)
            })
        case .cartLineSet:
            let sku = try reader.string()
            return .cartLineSet(sku: sku, quantity: try reader.int())
        case .cartCleared:
            return .cartCleared
        case .commerce:
            return .commerce(try CommerceEventCodec.read(&reader))
        }
    }
}
