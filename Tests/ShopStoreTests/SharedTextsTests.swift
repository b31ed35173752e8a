import Testing
@testable import ShopCore
@testable import ShopStore

@Suite("Texts shared on decoding")
struct SharedTextsTests {
    private func products() -> [Product] {
        (0..<40).map { index in
            Product(
                sku: "P\(index)", title: "Title \(index)", brand: index % 2 == 0 ? "A brand with a long name" : "Short",
                category: "kitchen-accessories", description: "Unique description number \(index)",
                tags: index % 3 == 0 ? [] : ["a tag long enough to allocate", "x"], price: Money(minorUnits: 100, currency: .eur),
                stockOnHand: index,
                specifications: [Specification(name: "Return policy", value: "30 days return policy for everything")],
                reviews: [Review(rating: 5, comment: "Great \(index)", date: "2024-05-23T08:56:21.618Z", reviewerName: "R")]
            )
        }
    }

    private func decoded(_ products: [Product], chunk: Int) throws -> [Product] {
        let writer = BinaryWriter()
        StateCodec.write(ShopState(catalogue: Catalogue(products: products)), to: writer, productsPerChunk: chunk)
        let bytes = writer.bytes
        return Array(try bytes.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40) }.catalogue.products)
    }

    private func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test(arguments: [1, 7, 40])
    func repeatedTextsDecodeEqual(chunk: Int) throws {
        #expect(try decoded(products(), chunk: chunk) == products())
    }

    @Test func repeatedTextsShareOneStorageWithinAChunk() throws {
        let result = try decoded(products(), chunk: 40)
        #expect(storage(result[0].brand) == storage(result[2].brand))
        #expect(storage(result[0].category) == storage(result[1].category))
        #expect(storage(result[1].specifications[0].value) == storage(result[2].specifications[0].value))
        #expect(storage(result[0].description) != storage(result[2].description))
        result[1].tags.withUnsafeBufferPointer { first in
            result[2].tags.withUnsafeBufferPointer { second in
                #expect(first.baseAddress == second.baseAddress)
            }
        }
    }

    @Test func aCurrencyCodeTooLongIsADecodingFailureNotACrash() {
        let writer = BinaryWriter()
        writer.int(Int64(10))
        writer.string("EUROS")
        writer.int(2)
        let bytes = writer.bytes
        let error = #expect(throws: DecodingFailure.self) {
            try bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer)
                return try ProductCodec.readMoney(from: &reader)
            }
        }
        #expect(error?.offset == 1)
    }

    @Test func theInternerKeepsNothingBeyondItsCapacity() {
        let bytes: [UInt8] = Array("abcabc".utf8)
        bytes.withUnsafeBytes { buffer in
            var interner = ByteInterner<Int>(buffer: buffer, capacity: 1)
            var made = 0
            #expect(interner.value(for: 0..<3) { made += 1; return 1 } == 1)
            #expect(interner.value(for: 3..<6) { made += 1; return 2 } == 1)
            #expect(interner.value(for: 1..<3) { made += 1; return 3 } == 3)
            #expect(interner.value(for: 1..<3) { made += 1; return 4 } == 4)
            #expect(made == 3)
        }
    }
}
