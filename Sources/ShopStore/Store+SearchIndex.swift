import ShopCore

/// The search index the store keeps beside the catalogue: loaded from the snapshot (used in place
/// from the mapped file) and written into each snapshot, so that a large shop opens with search
/// ready instead of building the index from every product.
extension Store {
    /// The search index of the current catalogue, when the store has one: the snapshot's, refreshed
    /// for the products changed since. Front ends use it instead of building their own. Nil when the
    /// snapshot held none (an older format, a damaged index section, no snapshot yet).
    public func currentSearchIndex() -> SearchIndex? {
        guard var index = searchIndex else { return nil }
        searchIndex = nil
        // Changes not followed (the state replaced without its index): the index is of no use.
        guard let changed = state.catalogue.takeChangedPositions(), index.count <= state.catalogue.count else { return nil }
        if !changed.isEmpty || index.count < state.catalogue.count {
            index.update(from: state.catalogue, changed: changed)
        }
        searchIndex = index
        return index
    }

    /// The index to write with a snapshot of the current state: the store's, up to date, else one
    /// built now (kept for the next snapshot). Nil where this machine writes no index images.
    func searchIndexForSnapshot() -> SearchIndex? {
        guard SearchIndex.imagesAreSupported else { return nil }
        if let index = currentSearchIndex() { return index }
        let built = SearchIndex(catalogue: state.catalogue)
        searchIndex = built
        state.catalogue.trackChanges()
        return built
    }
}
