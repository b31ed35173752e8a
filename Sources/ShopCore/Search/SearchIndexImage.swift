/// The layout of a search index written out to be used in place (mapped), not decoded: a header, a
/// table of arrays, then the index's flat arrays one after the other, each starting at a multiple of
/// eight bytes, in this machine's little-endian byte order.
///
/// Header (32 bytes): magic `CMPTSIDX` · layout version u32 · flags u32 (0) · documents u64 · terms u64.
/// Table: per array (`ImageArray` order) its offset from the image's start u64 and byte length u64.
/// Texts (facet names, cached prefixes) are one array each: count u32, then per text length u32 and
/// its UTF-8 bytes. Integrity (a checksum) is the container's business; `SearchIndex(image:keeper:)`
/// checks the structure, so that no damage it lets through can read outside the image.
enum SearchIndexImage {
    static let magic: [UInt8] = Array("CMPTSIDX".utf8)
    static let layoutVersion: UInt32 = 1
    static let headerSize = 32
    static var tableSize: Int { ImageArray.allCases.count * 16 }

    /// The arrays of the image, in table order.
    enum ImageArray: Int, CaseIterable {
        case termBytes, termOffsets, sortedTermIDs
        case postingOffsets, postingDocuments, postingWeights
        case forwardOffsets, forwardTerms, forwardWeights
        case brandIDs, categoryIDs, prices, inStock, ratings, listedAt
        case brandNames, categoryNames, prefixKeys, prefixScores
    }

    static func texts(_ texts: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        append32(UInt32(texts.count), to: &bytes)
        for text in texts {
            append32(UInt32(text.utf8.count), to: &bytes)
            bytes.append(contentsOf: text.utf8)
        }
        return bytes
    }

    static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func append64(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func padding(after length: Int) -> Int { (8 - length % 8) % 8 }
}

/// Why a search index image cannot be used (the store then builds the index from the products).
public struct SearchIndexImageError: Error, Equatable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

extension SearchIndex {
    /// Whether this machine reads and writes index images: they hold little-endian 64-bit integers as
    /// they lie in memory.
    public static var imagesAreSupported: Bool {
        UInt32(1).littleEndian == 1 && MemoryLayout<Int>.size == 8
    }

    /// The index with the changes made since its build or load folded into its flat arrays.
    public func compacted() -> SearchIndex {
        var result = self
        if !postingOverrides.isEmpty {
            var offsets = [0]
            var documents: [UInt32] = []
            var weights: [UInt8] = []
            offsets.reserveCapacity(terms.count + 1)
            documents.reserveCapacity(postingDocuments.count)
            weights.reserveCapacity(postingDocuments.count)
            for term in 0..<UInt32(terms.count) {
                withPostings(of: term) { termDocuments, termWeights in
                    documents.append(contentsOf: termDocuments)
                    weights.append(contentsOf: termWeights)
                }
                offsets.append(documents.count)
            }
            result.postingOffsets = FlatArray(offsets)
            result.postingDocuments = FlatArray(documents)
            result.postingWeights = FlatArray(weights)
            result.postingOverrides = [:]
        }
        if !forwardOverrides.isEmpty {
            var offsets = [0]
            var forwardTerms: [UInt32] = []
            var forwardWeights: [UInt8] = []
            offsets.reserveCapacity(count + 1)
            for document in 0..<UInt32(count) {
                for hit in forwardHits(of: document) {
                    forwardTerms.append(hit.term)
                    forwardWeights.append(hit.weight)
                }
                offsets.append(forwardTerms.count)
            }
            result.forwardOffsets = FlatArray(offsets)
            result.forwardTerms = FlatArray(forwardTerms)
            result.forwardWeights = FlatArray(forwardWeights)
            result.forwardOverrides = [:]
        }
        return result
    }

    /// Calls `write` with the pieces of the index's image (see `SearchIndexImage`), in order; written
    /// one after the other they form it. Needs `imagesAreSupported`.
    public func writeImage(_ write: (UnsafeRawBufferPointer) -> Void) {
        precondition(Self.imagesAreSupported, "search index images need a little-endian 64-bit machine")
        let index = postingOverrides.isEmpty && forwardOverrides.isEmpty ? self : compacted()
        index.writeCompactedImage(write)
    }

    private func writeCompactedImage(_ write: (UnsafeRawBufferPointer) -> Void) {
        let prefixKeys = prefixCache.scoresByPrefix.keys.sorted()
        let texts = [
            SearchIndexImage.texts(brands.names), SearchIndexImage.texts(categories.names), SearchIndexImage.texts(prefixKeys),
        ]
        typealias Piece = ((UnsafeRawBufferPointer) -> Void) -> Void
        func piece<T>(_ array: FlatArray<T>) -> (Int, Piece) {
            (array.count * MemoryLayout<T>.stride, { body in array.withUnsafeBytes(body) })
        }
        func bytes(_ array: [UInt8]) -> (Int, Piece) {
            (array.count, { body in array.withUnsafeBytes(body) })
        }
        let scores: (Int, Piece) = (prefixKeys.count * count, { body in
            for key in prefixKeys { prefixCache.scoresByPrefix[key]!.withUnsafeBytes(body) }
        })
        let arrays: [(Int, Piece)] = [
            piece(terms.bytes), piece(terms.offsets), piece(sortedTermIDs),
            piece(postingOffsets), piece(postingDocuments), piece(postingWeights),
            piece(forwardOffsets), piece(forwardTerms), piece(forwardWeights),
            piece(brandIDs), piece(categoryIDs), piece(prices), piece(inStock), piece(ratings), piece(listedAt),
            bytes(texts[0]), bytes(texts[1]), bytes(texts[2]), scores,
        ]
        var head: [UInt8] = SearchIndexImage.magic
        SearchIndexImage.append32(SearchIndexImage.layoutVersion, to: &head)
        SearchIndexImage.append32(0, to: &head)
        SearchIndexImage.append64(UInt64(count), to: &head)
        SearchIndexImage.append64(UInt64(terms.count), to: &head)
        var offset = SearchIndexImage.headerSize + SearchIndexImage.tableSize
        for (length, _) in arrays {
            SearchIndexImage.append64(UInt64(offset), to: &head)
            SearchIndexImage.append64(UInt64(length), to: &head)
            offset += length + SearchIndexImage.padding(after: length)
        }
        head.withUnsafeBytes(write)
        let zeros = [UInt8](repeating: 0, count: 8)
        for (length, body) in arrays {
            body(write)
            zeros.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[0..<SearchIndexImage.padding(after: length)])) }
        }
    }
}
