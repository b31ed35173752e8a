import ShopCore
@testable import ShopStore
import Testing

@Suite("Binary codecs")
struct CodecTests {
    @Test func crc32cMatchesTheRFC3720TestVectors() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
        let iscsiReadCommand: [UInt8] = [
            0x01, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
            0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ]
        #expect(CRC32C.checksum(iscsiReadCommand) == 0xD996_3A56)
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func crc32cContinuesAcrossPieces() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = CRC32C.checksum(bytes)
        for cut in [0, 1, 7, 8, 9, 500, 999, 1_000] {
            let first = CRC32C.checksum(bytes[0..<cut])
            let both = bytes[cut...].withUnsafeBytes { CRC32C.update(first, with: $0) }
            #expect(both == whole)
        }
    }

    @Test func crc32cChecksumsOfPiecesCombine() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = CRC32C.checksum(bytes)
        for cut in [0, 1, 7, 8, 9, 500, 999, 1_000] {
            let combined = CRC32C.combine(CRC32C.checksum(bytes[0..<cut]), CRC32C.checksum(bytes[cut...]), lengthOfB: 1_000 - cut)
            #expect(combined == whole)
        }
    }

    @Test func varintsAndZigzagRoundTripAtTheEdges() throws {
        let values: [Int64] = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int64(Int32.max), Int64.max, Int64.min]
        let writer = BinaryWriter()
        for value in values { writer.int(value) }
        writer.varint(UInt64.max)
        try writer.bytes.withUnsafeBytes { (buffer) throws in
            var reader = BinaryReader(buffer)
            for value in values { #expect(try reader.int64() == value) }
            #expect(try reader.varint() == UInt64.max)
            #expect(reader.isAtEnd)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func everyFieldOfRandomProductsRoundTrips(seed: UInt64) throws {
        var g = SplitMix64(seed: seed)
        let products = (0..<200).map { _ in RandomProducts.product(&g) }
        for product in products {
            let writer = BinaryWriter()
            ProductCodec.write(product, to: writer)
            let decoded = try writer.bytes.withUnsafeBytes { buffer throws(DecodingFailure) in
                var reader = BinaryReader(buffer)
                let product = try ProductCodec.read(from: &reader)
                #expect(reader.isAtEnd)
                return product
            }
            #expect(decoded == product)
        }
    }

    @Test func theWholeStateRoundTripsThroughASnapshot() throws {
        var g = SplitMix64(seed: 42)
        var products = (0..<300).map { RandomProducts.product(&g, sku: "P\($0)") }
        products[0].description = String(repeating: "long ☕ text ", count: 2_000)
        let state = ShopState(catalogue: Catalogue(products: products), carts: Carts(
            guests: ["local": Cart(lines: [CartLine(sku: "P1", quantity: 3), CartLine(sku: "P7", quantity: 1)]),
                     "local:b": Cart(lines: [CartLine(sku: "P2", quantity: 1)])],
            accounts: [AccountID("A-000001"): Cart(lines: [CartLine(sku: "P9", quantity: 2)])]))
        let loaded = try SnapshotFile.decode(SnapshotFile.encodedBytes(state, sequence: 77), file: "snapshot")
        #expect(loaded.state == state)
        #expect(loaded.state.carts == state.carts)
        #expect(loaded.sequence == 77)
    }

    @Test func eventsRoundTripAndAnUnknownTagIsAClearError() throws {
        var g = SplitMix64(seed: 9)
        let events: [ShopEvent] = [.productsUpserted([RandomProducts.product(&g)]), .cartLineSet(cart: .local, sku: "é-1", quantity: 0), .cartCleared(cart: .local),
                                 .cartLineSet(cart: .account(AccountID("A-000002")), sku: "X", quantity: 4), .cartCleared(cart: .session("ssh:ab"))]
        let bytes = EventCodec.encode(events)
        #expect(try bytes.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) } == events)
        let unknown: [UInt8] = [1, 200]
        #expect(throws: DecodingFailure(offset: 101, reason: "unknown event tag 200 (written by a newer Comptoir?)")) {
            try unknown.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 100) }
        }
    }

    @Test func truncatedDataIsAFailureNotACrash() {
        var g = SplitMix64(seed: 3)
        let bytes = EventCodec.encode([.productsUpserted([RandomProducts.product(&g)])])
        for cut in 0..<bytes.count {
            #expect(throws: DecodingFailure.self) {
                try bytes[0..<cut].withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) }
            }
        }
    }
}

@Suite("Snapshot chunks")
struct SnapshotChunkTests {
    private func encoded(_ state: ShopState, chunk: Int) -> [UInt8] {
        let writer = BinaryWriter()
        StateCodec.write(state, to: writer, productsPerChunk: chunk)
        return writer.bytes
    }

    private func sampleState() -> ShopState {
        var g = SplitMix64(seed: 5)
        let products = (0..<103).map { RandomProducts.product(&g, sku: "P\($0)") }
        return ShopState(catalogue: Catalogue(products: products), carts: Carts(guests: ["local": Cart(lines: [CartLine(sku: "P3", quantity: 2)])], accounts: [:]))
    }

    @Test(arguments: [1, 7, 50, 103, 1_000])
    func productsDecodedInParallelChunksKeepTheirOrder(chunk: Int) throws {
        let state = sampleState()
        let bytes = encoded(state, chunk: chunk)
        let decoded = try bytes.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40) }
        #expect(decoded == state)
        #expect(decoded.carts == state.carts)
    }

    /// Chunks of whole blocks are decoded straight into the catalogue's blocks; other sizes are joined
    /// product by product. Either way the catalogue reads back the same, and a change to one product
    /// of the decoded catalogue reaches that product only.
    @Test(arguments: [ProductList.blockSize, ProductList.blockSize * 2, 1_000])
    func chunksOfWholeBlocksAndOthersDecodeAlike(chunk: Int) throws {
        var g = SplitMix64(seed: 9)
        let products = (0..<(ProductList.blockSize * 2 + 100)).map { RandomProducts.product(&g, sku: "P\($0)") }
        let state = ShopState(catalogue: Catalogue(products: products))
        var decoded = try encoded(state, chunk: chunk).withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40) }
        #expect(decoded == state)
        #expect(decoded.catalogue.product(sku: "P\(ProductList.blockSize + 1)") == products[ProductList.blockSize + 1])
        decoded.catalogue.modify(sku: "P\(ProductList.blockSize)") { $0.stockOnHand += 1 }
        #expect(decoded.catalogue.products[ProductList.blockSize].stockOnHand == products[ProductList.blockSize].stockOnHand + 1)
        #expect(Array(decoded.catalogue.products[(ProductList.blockSize + 1)...]) == Array(products[(ProductList.blockSize + 1)...]))
    }

    @Test func damageInAMiddleChunkIsReportedAtItsOffset() throws {
        let state = sampleState()
        var bytes = encoded(state, chunk: 10)
        // Chunk 5's table entry tells where it starts; make its first product's SKU longer than the chunk.
        let tableStart = 4
        let lengths = (0..<11).map { chunk in
            bytes.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: tableStart + chunk * 12 + 4, as: UInt64.self))) }
        }
        let chunkStart = tableStart + 11 * 12 + lengths[0..<5].reduce(0, +)
        bytes[chunkStart] = 0xFF
        bytes[chunkStart + 1] = 0x7F
        let error = #expect(throws: DecodingFailure.self) {
            try bytes.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40) }
        }
        #expect(error?.offset == 40 + chunkStart)
    }
}

@Suite("Smallest product")
struct SmallestProductTests {
    @Test func theSmallestProductTakesExactlyTheMinimumSize() {
        let product = Product(sku: "", title: "", brand: "", category: "", price: Money(minorUnits: 0, currency: Currency(code: "", minorUnitDigits: 0)), stockOnHand: 0, minimumOrderQuantity: 0, lowStockThreshold: 0)
        let writer = BinaryWriter()
        ProductCodec.write(product, to: writer)
        #expect(writer.count == ProductCodec.minimumSize)
    }
}
