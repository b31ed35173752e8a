extension ShopState {
    /// The one rule of what search leaves out, for every front end: products that are unlisted.
    public var hiddenFromSearch: HiddenDocuments {
        let unlisted = commerceBeforeOrders.backOffice.unlisted
        guard !unlisted.isEmpty else { return .none }
        return HiddenDocuments(positions: unlisted.compactMap { catalogue.position(of: $0) })
    }
}
