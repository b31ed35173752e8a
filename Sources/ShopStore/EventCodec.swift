import ShopCore

/// The binary form of `ShopEvent`s in journal records.
///
/// A record of format 2 and later starts with a zero byte and its format version (varint), then
/// holds the count of events and per event a tag byte and its fields. A record of format 1 has no
/// version: it starts with the count, never zero (a record holds at least one event). A record of a
/// format newer than `formatVersion` is refused, naming both versions.
///
/// To add an event case: give it the next unused `Tag`, and write and read its fields in the two
/// switches below (the compiler points at the first one). Tags are never reused or renumbered: an
/// event whose fields change gets a new tag, and the old one keeps being read.
enum EventCodec {
    /// The newest record format this Comptoir writes and reads. 2: records carry their version;
    /// cart and session events name their cart owner and session.
    static let formatVersion: UInt32 = 2

    enum Tag: UInt8 {
        /// Products of `ProductCodec.Layout.beforeReviewVariants`.
        case productsUpserted = 1
        /// Format 1: the line of the `local` session's cart.
        case localCartLineSet = 2
        /// Format 1: the `local` session's cart emptied.
        case localCartCleared = 3
        /// A trade event; see `CommerceEventCodec`.
        case commerce = 4
        case cartLineSet = 5
        case cartCleared = 6
        /// Products of `ProductCodec.Layout.withReviewVariants`.
        case productsUpsertedWithReviewVariants = 7
    }

    static func encode(_ events: [ShopEvent]) -> [UInt8] {
        let writer = BinaryWriter(capacity: 64)
        writer.byte(0)
        writer.varint(UInt64(formatVersion))
        writer.array(events) { write($1, to: $0) }
        return writer.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, fileOffset: Int) throws(DecodingFailure) -> [ShopEvent] {
        var reader = BinaryReader(bytes, fileOffset: fileOffset)
        if bytes.first == 0 {
            _ = try reader.byte()
            let start = reader.absolutePosition
            let version = try reader.varint()
            guard version <= UInt64(formatVersion) else {
                throw DecodingFailure.newer(at: start, version: version, readable: formatVersion)
            }
            guard version >= 2 else { throw reader.failure("record format version \(version) is not a versioned format") }
        }
        let events = try reader.array { (r: inout BinaryReader) throws(DecodingFailure) in try read(from: &r) }
        guard reader.isAtEnd else { throw reader.failure("\(reader.remaining) unexpected bytes after the events") }
        return events
    }

    static func write(_ event: ShopEvent, to writer: BinaryWriter) {
        switch event {
        case let .productsUpserted(products):
            writer.byte(Tag.productsUpsertedWithReviewVariants.rawValue)
            writer.array(products) { ProductCodec.write($1, to: $0) }
        case let .cartLineSet(cart, sku, quantity):
            writer.byte(Tag.cartLineSet.rawValue)
            write(cart, to: writer)
            writer.string(sku)
            writer.int(quantity)
        case let .cartCleared(cart):
            writer.byte(Tag.cartCleared.rawValue)
            write(cart, to: writer)
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
                try ProductCodec.read(from: &r, layout: .beforeReviewVariants)
            })
        case .productsUpsertedWithReviewVariants:
            return .productsUpserted(try reader.array(minimumItemSize: 8) { (r: inout BinaryReader) throws(DecodingFailure) in
                try ProductCodec.read(from: &r, layout: .withReviewVariants)
            })
        case .localCartLineSet:
            let sku = try reader.string()
            return .cartLineSet(cart: .local, sku: sku, quantity: try reader.int())
        case .localCartCleared:
            return .cartCleared(cart: .local)
        case .cartLineSet:
            let cart = try readShopper(from: &reader)
            let sku = try reader.string()
            return .cartLineSet(cart: cart, sku: sku, quantity: try reader.int())
        case .cartCleared:
            return .cartCleared(cart: try readShopper(from: &reader))
        case .commerce:
            return .commerce(try CommerceEventCodec.read(&reader))
        }
    }

    /// A shopper: 0 and a session name, or 1 and an account ID.
    static func write(_ shopper: Shopper, to writer: BinaryWriter) {
        switch shopper {
        case let .session(name):
            writer.byte(0)
            writer.string(name)
        case let .account(id):
            writer.byte(1)
            writer.string(id.rawValue)
        }
    }

    static func readShopper(from reader: inout BinaryReader) throws(DecodingFailure) -> Shopper {
        let start = reader.absolutePosition
        switch try reader.byte() {
        case 0: return .session(try reader.string())
        case 1: return .account(AccountID(try reader.string()))
        case let kind: throw DecodingFailure(offset: start, reason: "unknown kind of shopper \(kind)")
        }
    }
}
