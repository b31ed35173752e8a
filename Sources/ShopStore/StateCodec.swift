import Dispatch
import ShopCore

/// The binary form of the whole `ShopState`, the payload of a snapshot.
///
/// Layout: chunk count u32; per chunk its product count u32 and byte length u64; the chunks of
/// products; then (format 3) the guest carts by session and the accounts' carts, or (formats 1 and 2)
/// the one cart's lines; then (format 2 and later) the trade state (`CommerceEventCodec`; from format 8
/// its orders and tickets last, after their length, so that they can be read on another thread). Products
/// are of `ProductCodec.Layout.withReviewVariants` from format 7, `beforeReviewVariants` before. Products
/// come in chunks of `productsPerChunk` so that loading can decode the chunks on all cores at once.
/// Any change here needs a new `SnapshotFile.formatVersion`.
enum StateCodec {
    static let productsPerChunk = 1 << 16

    static func write(_ state: ShopState, to writer: BinaryWriter, productsPerChunk: Int = productsPerChunk, ordersLast: Bool = true) {
        for piece in encode(state, productsPerChunk: productsPerChunk, ordersLast: ordersLast) {
            piece.withUnsafeBytes { writer.raw($0) }
        }
    }

    /// The payload as consecutive pieces — the chunk table, each chunk, the cart — with the chunks
    /// encoded in parallel. Written one after the other they form the payload. Without `ordersLast`,
    /// the trade state is in the layout of formats 6 and 7 (see `CommerceEventCodec.write`).
    static func encode(_ state: ShopState, productsPerChunk: Int = productsPerChunk, ordersLast: Bool = true) -> [BinaryWriter] {
        let products = state.catalogue.products
        let chunkCount = (products.count + productsPerChunk - 1) / productsPerChunk
        var chunks = [BinaryWriter?](repeating: nil, count: chunkCount)
        chunks.withUnsafeMutableBufferPointer { slots in
            let shared = EncodingSlots(slots: slots)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let range = (chunk * productsPerChunk)..<min(products.count, (chunk + 1) * productsPerChunk)
                let writer = BinaryWriter(capacity: range.count * 192)
                // Products are passed by reference, not copied out of their blocks: a copy would
                // retain and release each of their strings and arrays.
                products.forEachBlock { first, block in
                    let start = max(first, range.lowerBound)
                    let end = min(first + block.count, range.upperBound)
                    guard start < end else { return }
                    for index in start..<end { ProductCodec.write(block[index - first], to: writer) }
                }
                shared.slots[chunk] = writer
            }
        }
        let encoded = chunks.map { $0! }
        let table = BinaryWriter(capacity: 4 + chunkCount * 12)
        table.fixed32(UInt32(chunkCount))
        for (chunk, writer) in encoded.enumerated() {
            table.fixed32(UInt32(min(productsPerChunk, products.count - chunk * productsPerChunk)))
            table.fixed64(UInt64(writer.count))
        }
        let trade = BinaryWriter()
        trade.array(state.carts.guests.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            CommerceValueCodec.write(entry.value, to: writer)
        }
        trade.array(state.carts.accounts.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key.rawValue)
            CommerceValueCodec.write(entry.value, to: writer)
        }
        CommerceEventCodec.write(state.commerce, to: trade, ordersLast: ordersLast)
        return [table] + encoded + [trade]
    }

    private struct Chunk {
        var firstProduct: Int
        var productCount: Int
        var byteRange: Range<Int>
    }

    /// The state of a payload. With `background`, orders and tickets of format 8 taking `background.fromBytes`
    /// or more are read on another thread (the state's `commerce` waits for them).
    static func decode(
        _ bytes: UnsafeRawBufferPointer, fileOffset: Int, version: UInt32 = SnapshotFile.formatVersion, pages: PageAdvice? = nil,
        background: BackgroundOrders? = nil
    ) throws(DecodingFailure) -> ShopState {
        var reader = BinaryReader(bytes, fileOffset: fileOffset)
        let chunkCount = Int(try reader.fixed32())
        guard chunkCount * 12 <= reader.remaining else {
            throw reader.failure("a table of \(chunkCount) product chunks exceeds the \(reader.remaining) bytes left")
        }
        var chunks: [Chunk] = []
        var firstProduct = 0
        var byteStart = reader.position + chunkCount * 12
        for _ in 0..<chunkCount {
            let tableEntry = reader.position
            let count = Int(try reader.fixed32())
            let length = try reader.fixed64()
            guard length <= UInt64(bytes.count - byteStart), UInt64(count) * UInt64(ProductCodec.minimumSize) <= length else {
                throw DecodingFailure(offset: fileOffset + tableEntry, reason: "a chunk of \(count) products in \(length) bytes does not fit the snapshot")
            }
            chunks.append(Chunk(firstProduct: firstProduct, productCount: count, byteRange: byteStart..<(byteStart + Int(length))))
            firstProduct += count
            byteStart += Int(length)
        }
        let tail = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[byteStart...]), fileOffset: fileOffset + byteStart)
        // Orders read on another thread start before the products, so that both are read at once (the
        // thread runs at a lower priority: the products, which the first screen needs, go first).
        let early = background != nil && version >= 8
            ? Result { () throws(DecodingFailure) in try decodeTrade(tail, in: bytes, fileOffset: fileOffset, version: version, background: background) }
            : nil
        var skuHashes = [Int](repeating: 0, count: firstProduct)
        let products = try skuHashes.withUnsafeMutableBufferPointer { hashes throws(DecodingFailure) in
            try decodeProducts(bytes, chunks: chunks, total: firstProduct, fileOffset: fileOffset, skuHashes: hashes, pages: pages,
                               layout: version >= 7 ? .withReviewVariants : .beforeReviewVariants)
        }
        let trade: Trade
        if let early {
            trade = try early.get()
        } else {
            trade = try decodeTrade(tail, in: bytes, fileOffset: fileOffset, version: version, background: background)
        }
        let catalogue = Catalogue(products: products, skuHashes: skuHashes)
        if let pending = trade.pending {
            return ShopState(catalogue: catalogue, carts: trade.carts, commerceBeforeOrders: trade.commerce, pending: pending)
        }
        return ShopState(catalogue: catalogue, carts: trade.carts, commerce: trade.commerce)
    }

    /// The carts and the trade state; `pending` when the orders are being read on another thread (`commerce`
    /// is then the trade state without them).
    private struct Trade {
        var carts: Carts
        var commerce: Commerce
        var pending: PendingCommerce?
    }

    /// The carts and the trade state after the products (`tail`, the rest of the payload `bytes`).
    private static func decodeTrade(
        _ reader: BinaryReader, in bytes: UnsafeRawBufferPointer, fileOffset: Int, version: UInt32, background: BackgroundOrders?
    ) throws(DecodingFailure) -> Trade {
        var tail = reader
        let carts: Carts
        var commerce = Commerce()
        var pending: PendingCommerce?
        if version >= 3 {
            let guests = try tail.array(minimumItemSize: 2) { (r: inout BinaryReader) throws(DecodingFailure) in
                let name = try r.string()
                return (name, try CommerceValueCodec.readCart(&r))
            }
            let accounts = try tail.array(minimumItemSize: 2) { (r: inout BinaryReader) throws(DecodingFailure) in
                let id = AccountID(try r.string())
                return (id, try CommerceValueCodec.readCart(&r))
            }
            carts = Carts(guests: Dictionary(guests, uniquingKeysWith: { _, last in last }),
                          accounts: Dictionary(accounts, uniquingKeysWith: { _, last in last }))
            if version >= 8 {
                let (before, section) = try CommerceEventCodec.readCommerceBeforeOrders(&tail)
                commerce = before
                if let background, section.buffer.count >= background.fromBytes {
                    guard tail.isAtEnd else { throw tail.failure("\(tail.remaining) unexpected bytes after the shop state") }
                    let start = section.buffer.baseAddress.map { $0 - bytes.baseAddress! } ?? 0
                    pending = background.start(section, into: before, range: start..<(start + section.buffer.count), payloadOffset: fileOffset)
                } else {
                    let (orders, tickets) = try CommerceEventCodec.readOrdersSection(section)
                    commerce.restore(orders: orders, tickets: tickets)
                }
            } else {
                commerce = try CommerceEventCodec.readCommerce(&tail, version: version).commerce
            }
        } else {
            // One cart: the local session's, which was its account's cart while logged in.
            let cart = try CommerceValueCodec.readCart(&tail)
            var accountCarts: [AccountID: Cart] = [:]
            if version >= 2 { (commerce, accountCarts) = try CommerceEventCodec.readCommerce(&tail, version: version) }
            var guests: [String: Cart] = [:]
            if let id = commerce.sessions[Shopper.localSessionName] {
                accountCarts[id] = cart
            } else {
                guests[Shopper.localSessionName] = cart
            }
            carts = Carts(guests: guests, accounts: accountCarts)
        }
        guard tail.isAtEnd else { throw tail.failure("\(tail.remaining) unexpected bytes after the shop state") }
        return Trade(carts: carts, commerce: commerce, pending: pending)
    }

    /// Decodes the chunks in parallel, each into blocks of the catalogue's `ProductList`, with each SKU's
    /// hash for the catalogue's index (hashing a million SKUs on one thread was a tenth of a load). Products
    /// are moved into their block as they are made, never copied. On a failure the failure nearest the
    /// start of the file is thrown (the products made are dropped with their blocks).
    private static func decodeProducts(
        _ bytes: UnsafeRawBufferPointer, chunks: [Chunk], total: Int, fileOffset: Int, skuHashes: UnsafeMutableBufferPointer<Int>,
        pages: PageAdvice?, layout: ProductCodec.Layout
    ) throws(DecodingFailure) -> ProductList {
        var failures = [DecodingFailure?](repeating: nil, count: chunks.count)
        var blocks = [[ContiguousArray<Product>]](repeating: [], count: chunks.count)
        failures.withUnsafeMutableBufferPointer { failures in
            blocks.withUnsafeMutableBufferPointer { blocks in
                let shared = SharedPointers(bytes: bytes, skuHashes: skuHashes, failures: failures, blocks: blocks, pages: pages, layout: layout)
                DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                    decodeChunk(chunks[index], index: index, fileOffset: fileOffset, into: shared)
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        // Chunks written with a size that is not a whole number of blocks (small test chunks) are
        // joined product by product.
        if chunks.dropLast().allSatisfy({ $0.productCount % ProductList.blockSize == 0 }) {
            return ProductList(blocks: blocks.flatMap { $0 })
        }
        return ProductList(blocks.lazy.flatMap { $0 }.flatMap { $0 })
    }

    private static func decodeChunk(
        _ chunk: Chunk, index: Int, fileOffset: Int, into shared: SharedPointers
    ) {
        var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: shared.bytes[chunk.byteRange]), fileOffset: fileOffset + chunk.byteRange.lowerBound)
        var tables = ProductDecodingTables(for: reader)
        // A mapped snapshot's chunk is read in at once, and dropped once its products are made, so
        // that the file's bytes and the products they become are not both held.
        shared.pages?.populate(chunk.byteRange)
        defer { shared.pages?.release(chunk.byteRange) }
        var blocks: [ContiguousArray<Product>] = []
        var block = ContiguousArray<Product>()
        block.reserveCapacity(min(ProductList.blockSize, chunk.productCount))
        do throws(DecodingFailure) {
            for position in 0..<chunk.productCount {
                let product = try ProductCodec.read(from: &reader, layout: shared.layout, sharing: &tables)
                shared.skuHashes[chunk.firstProduct + position] = product.sku.hashValue
                block.append(product)
                if block.count == ProductList.blockSize {
                    blocks.append(block)
                    block = ContiguousArray()
                    block.reserveCapacity(min(ProductList.blockSize, chunk.productCount - position - 1))
                }
            }
            if !reader.isAtEnd { throw reader.failure("\(reader.remaining) unexpected bytes after a chunk of products") }
            if !block.isEmpty { blocks.append(block) }
            shared.blocks[index] = blocks
        } catch {
            shared.failures[index] = error
        }
    }
}

/// The buffers the parallel decoding reads and writes; each chunk writes only its own slots.
private struct SharedPointers: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    let skuHashes: UnsafeMutableBufferPointer<Int>
    let failures: UnsafeMutableBufferPointer<DecodingFailure?>
    let blocks: UnsafeMutableBufferPointer<[ContiguousArray<Product>]>
    let pages: PageAdvice?
    let layout: ProductCodec.Layout
}

/// Where the parallel encoding puts each chunk's writer; each chunk writes only its own slot.
private struct EncodingSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<BinaryWriter?>
}
