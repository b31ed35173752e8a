/// How many results of the current query carry one brand or one category.
public struct FacetCount: Hashable, Sendable {
    /// The brand or category as the catalogue spells it.
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
