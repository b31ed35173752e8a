/// The results of one query: how many, the facet counts, and the matches in order, page by page.
/// Ordering is lazy: the first page selects only the best few matches, deeper pages extend the
/// sorted prefix, and every page already sorted is served without sorting again, so a virtualized
/// list can show any offset of a million results cheaply.
public struct SearchResultSet: Sendable {
    /// Number of products that match the whole query.
    public let total: Int
    /// Per brand, the matches of the query with every filter but the brand filter.
    public let brandFacets: [FacetCount]
    /// Per category, the matches of the query with every filter but the category filter.
    public let categoryFacets: [FacetCount]
    /// The query words that matched nothing as typed, with the words searched instead, in query order;
    /// empty when some word matched nothing even corrected (then nothing matches at all).
    public let corrections: [WordCorrection]
    /// A `brand:` or `cat:` value naming nothing in the catalogue, with the closest names: said
    /// instead of an empty list that does not tell why.
    public let filterProblem: QueryError?
    /// The query's words as typed (folded), for the correction notice.
    let words: [String]
    let ordering: ResultOrdering

    init(
        total: Int, brandFacets: [FacetCount], categoryFacets: [FacetCount], ordering: ResultOrdering,
        corrections: [WordCorrection] = [], filterProblem: QueryError? = nil, words: [String] = []
    ) {
        self.words = words
        self.total = total
        self.brandFacets = brandFacets
        self.categoryFacets = categoryFacets
        self.ordering = ordering
        self.corrections = corrections
        self.filterProblem = filterProblem
    }

    /// "Showing results for coffee grinder" when a word was corrected, nil otherwise.
    public var correctionNotice: String? {
        WordCorrection.notice(words: words, corrections: corrections)
    }

    /// Every product of a catalogue of `count` products, in catalogue order, without facet counts:
    /// what the catalogue shows while its search index is still being built.
    public static func catalogueOrder(count: Int) -> SearchResultSet {
        let keys = [UInt64](unsafeUninitializedCapacity: count) { keys, initialized in
            for position in 0..<count { keys[position] = UInt64(position) }
            initialized = count
        }
        return SearchResultSet(total: count, brandFacets: [], categoryFacets: [], ordering: ResultOrdering(keys: keys, alreadySorted: true))
    }

    /// Catalogue positions (indices into `catalogue.products`) of the results `offset..<offset+limit`
    /// in the query's order; fewer at the end, none past it.
    public func positions(offset: Int, limit: Int) -> [Int] {
        let start = max(0, offset)
        guard start < total else { return [] }
        let end = min(total, start + min(max(0, limit), total - start))
        guard start < end else { return [] }
        return ordering.positions(start..<end)
    }
}
