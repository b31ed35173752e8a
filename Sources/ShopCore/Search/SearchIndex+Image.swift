/// Using an index image in place (see `SearchIndexImage`): the flat arrays become views of the image,
/// the small parts (facet names, typo vocabulary) are made again.
extension SearchIndex {
    /// The index whose image is `image`, reading its arrays where they lie; `keeper` keeps that memory
    /// valid and unchanged (a mapped snapshot) for as long as the index or a copy of it lives. Every
    /// offset, length, count and id is checked, so that a damaged image is refused, never read past.
    /// `doneReading` is told, a slice at a time, which bytes of the image the checks are through with
    /// (a mapped file may drop them from memory until a search reads them again).
    public init(
        image: UnsafeRawBufferPointer, keeper: any AnyObject & Sendable, doneReading: ((Range<Int>) -> Void)? = nil
    ) throws(SearchIndexImageError) {
        typealias Layout = SearchIndexImage
        func refuse(_ reason: String) -> SearchIndexImageError { SearchIndexImageError(reason) }
        guard Self.imagesAreSupported else { throw refuse("this machine does not read index images (not little-endian 64-bit)") }
        guard let base = image.baseAddress, Int(bitPattern: base) % 8 == 0 else { throw refuse("the index is not aligned in memory") }
        let tableEnd = Layout.headerSize + Layout.tableSize
        guard image.count >= tableEnd else { throw refuse("the index ends inside its header (\(image.count) bytes)") }
        func load64(_ offset: Int) -> UInt64 { UInt64(littleEndian: image.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        guard Array(image[0..<8]) == Layout.magic else { throw refuse("not a search index (wrong magic number)") }
        let version = UInt32(littleEndian: image.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == Layout.layoutVersion else { throw refuse("index layout version \(version) is unknown (this Comptoir reads \(Layout.layoutVersion))") }
        guard image.loadUnaligned(fromByteOffset: 12, as: UInt32.self) == 0 else { throw refuse("unknown index flags") }
        let limit = UInt64(UInt32.max)
        guard load64(16) <= limit, load64(24) <= limit else { throw refuse("the index claims more than 2^32 documents or terms") }
        let documentCount = Int(load64(16))
        let termCount = Int(load64(24))

        var ranges: [Range<Int>] = []
        for array in Layout.ImageArray.allCases {
            let entry = Layout.headerSize + array.rawValue * 16
            let offset = load64(entry)
            let length = load64(entry + 8)
            guard offset % 8 == 0, offset >= UInt64(tableEnd), offset <= UInt64(image.count),
                  length <= UInt64(image.count) - offset else {
                throw refuse("array \(array) at \(offset) (\(length) bytes) lies outside the index's \(image.count) bytes")
            }
            ranges.append(Int(offset)..<Int(offset + length))
        }
        func view<T: BitwiseCopyable>(_ array: Layout.ImageArray, _ type: T.Type, count expected: Int? = nil) throws(SearchIndexImageError) -> FlatArray<T> {
            let range = ranges[array.rawValue]
            let stride = MemoryLayout<T>.stride
            guard range.count % stride == 0 else { throw refuse("array \(array) is not a whole number of \(stride)-byte values") }
            let count = range.count / stride
            if let expected, count != expected { throw refuse("array \(array) holds \(count) values, expected \(expected)") }
            return FlatArray(viewing: base + range.lowerBound, count: count, keeper: keeper)
        }
        func texts(_ array: Layout.ImageArray) throws(SearchIndexImageError) -> [String] {
            let bytes = UnsafeRawBufferPointer(rebasing: image[ranges[array.rawValue]])
            var position = 0
            func next32() throws(SearchIndexImageError) -> Int {
                guard position + 4 <= bytes.count else { throw refuse("the texts of \(array) are cut short") }
                defer { position += 4 }
                return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            }
            let total = try next32()
            guard total <= bytes.count / 4 else { throw refuse("\(array) claims \(total) texts in \(bytes.count) bytes") }
            var result: [String] = []
            for _ in 0..<total {
                let length = try next32()
                guard length <= bytes.count - position else { throw refuse("a text of \(array) runs past its end") }
                result.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self))
                position += length
            }
            guard position == bytes.count else { throw refuse("\(bytes.count - position) unexpected bytes after the texts of \(array)") }
            return result
        }
        /// Calls `body` with slices of `values` in order, then tells `doneReading` about each.
        func inSlices<T: BitwiseCopyable>(_ values: FlatArray<T>, _ body: (UnsafeBufferPointer<T>) -> Void) {
            values.withUnsafeBufferPointer { values in
                let slice = (4 << 20) / MemoryLayout<T>.stride
                var start = 0
                while start < values.count {
                    let end = Swift.min(values.count, start + slice)
                    body(UnsafeBufferPointer(rebasing: values[start..<end]))
                    if let doneReading, let first = values.baseAddress {
                        let from = base.distance(to: UnsafeRawPointer(first + start))
                        doneReading(from..<(from + (end - start) * MemoryLayout<T>.stride))
                    }
                    start = end
                }
            }
        }
        func checkOffsets(_ offsets: FlatArray<Int>, total: Int, _ name: String) throws(SearchIndexImageError) {
            var ordered = offsets.withUnsafeBufferPointer { $0.first == 0 && $0.last == total }
            var previous = 0
            inSlices(offsets) { offsets in
                for offset in offsets {
                    if offset < previous { ordered = false }
                    previous = offset
                }
            }
            guard ordered else { throw refuse("the \(name) offsets are not in order from 0 to \(total)") }
        }
        func checkBelow<T: FixedWidthInteger & BitwiseCopyable>(_ values: FlatArray<T>, _ bound: Int, _ name: String) throws(SearchIndexImageError) {
            var largest: T = 0
            inSlices(values) { values in
                for value in values { largest = Swift.max(largest, value) }
            }
            guard values.isEmpty || Int(largest) < bound else { throw refuse("a \(name) is \(largest), beyond the \(bound) there are") }
        }

        self.init()
        terms.bytes = try view(.termBytes, UInt8.self)
        terms.offsets = try view(.termOffsets, Int.self, count: termCount + 1)
        try checkOffsets(terms.offsets, total: terms.bytes.count, "term")
        sortedTermIDs = try view(.sortedTermIDs, UInt32.self, count: termCount)
        try checkBelow(sortedTermIDs, termCount, "sorted term id")

        postingOffsets = try view(.postingOffsets, Int.self, count: termCount + 1)
        postingDocuments = try view(.postingDocuments, UInt32.self)
        postingWeights = try view(.postingWeights, UInt8.self, count: postingDocuments.count)
        try checkOffsets(postingOffsets, total: postingDocuments.count, "posting")
        try checkBelow(postingDocuments, documentCount, "posting's document")

        forwardOffsets = try view(.forwardOffsets, Int.self, count: documentCount + 1)
        forwardTerms = try view(.forwardTerms, UInt32.self)
        forwardWeights = try view(.forwardWeights, UInt8.self, count: forwardTerms.count)
        try checkOffsets(forwardOffsets, total: forwardTerms.count, "forward")
        try checkBelow(forwardTerms, termCount, "document's term")

        let brandNames = try texts(.brandNames)
        let categoryNames = try texts(.categoryNames)
        brands = FacetDictionary(names: brandNames)
        categories = FacetDictionary(names: categoryNames)
        guard brands.count == brandNames.count, categories.count == categoryNames.count else {
            throw refuse("two brands or two categories of the index have the same name")
        }
        brandIDs = try view(.brandIDs, UInt32.self, count: documentCount)
        categoryIDs = try view(.categoryIDs, UInt32.self, count: documentCount)
        try checkBelow(brandIDs, brands.count, "brand id")
        try checkBelow(categoryIDs, categories.count, "category id")
        prices = try view(.prices, Int64.self, count: documentCount)
        let stock = try view(.inStock, UInt8.self, count: documentCount)
        try checkBelow(stock, 2, "stock flag")
        inStock = try view(.inStock, Bool.self, count: documentCount)
        ratings = try view(.ratings, Int16.self, count: documentCount)
        listedAt = try view(.listedAt, Int64.self, count: documentCount)

        let prefixKeys = try texts(.prefixKeys)
        let scores = ranges[Layout.ImageArray.prefixScores.rawValue]
        guard scores.count == prefixKeys.count * documentCount else {
            throw refuse("the cached prefix scores take \(scores.count) bytes, expected \(prefixKeys.count * documentCount)")
        }
        var scoresByPrefix: [String: FlatArray<UInt8>] = [:]
        for (slot, key) in prefixKeys.enumerated() {
            scoresByPrefix[key] = FlatArray(viewing: base + scores.lowerBound + slot * documentCount, count: documentCount, keeper: keeper)
        }
        prefixCache = PrefixCache(scoresByPrefix: scoresByPrefix)
        typoVocabulary = TypoVocabulary(terms: terms)
    }

    /// Whether the index reads its arrays in place from memory it was loaded from, rather than
    /// holding copies: true for an index loaded from an image and not changed since.
    public var readsInPlace: Bool { postingDocuments.isView && forwardTerms.isView && brandIDs.isView }
}
