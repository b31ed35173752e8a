import ShopCore

/// The movement keys every list shares: those of a document (arrows, j/k, PgUp/PgDn, Home),
/// End going to the last of `count` rows.
func listMovement(_ key: Key, page: Int, count: Int) -> Int? {
    key == .end ? max(count, 1) : scrollMovement(key, page: page)
}

func handleCatalogueKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if let delta = listMovement(key, page: pageSize(state, .catalogue), count: state.results.total) {
        moveSelection(&state, in: .catalogue, by: delta)
        return []
    }
    guard let product = state.selectedProduct else { return [] }
    switch key {
    case .enter, .right:
        state.detail = ProductDetail(sku: product.sku, quantity: max(1, product.minimumOrderQuantity))
    case .character("a"):
        let quantity = max(1, product.minimumOrderQuantity)
        return [.execute(.addToCart(sku: product.sku, quantity: nil, by: state.shopper), note: "Added \(quantity) × \(product.title) to the cart")]
    case .escape:
        if state.status != nil { state.status = nil }
    default:
        break
    }
    return []
}

func handleDetailKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var detail = state.detail, let product = state.detailProduct else {
        state.detail = nil
        return []
    }
    let minimum = max(1, product.minimumOrderQuantity)
    switch key {
    case .escape, .left, .backspace:
        state.detail = nil
    case .character("+"), .character("="), .up:
        detail.quantity = min(detail.quantity + 1, max(minimum, min(product.orderableQuantity, 999)))
        state.detail = detail
    case .character("-"), .down:
        detail.quantity = max(minimum, detail.quantity - 1)
        state.detail = detail
    case .pageDown, .pageUp, .home, .end:
        let page = max(1, ProductDetailView.bodyRows(state, product: product, detail: detail) - 1)
        let delta = key == .pageDown ? page : key == .pageUp ? -page : key == .end ? Int.max / 2 : Int.min / 2
        detail.scroll = state.scrollExtents.scroll(detail.scroll, by: delta, id: ProductDetailView.extentID)
        state.detail = detail
    case .character("a"), .enter:
        return [.execute(.addToCart(sku: product.sku, quantity: detail.quantity, by: state.shopper),
                         note: "Added \(detail.quantity) × \(product.title) to the cart")]
    default:
        break
    }
    return []
}

func handleFiltersKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if let delta = listMovement(key, page: pageSize(state, .filters), count: state.filterRows.count) {
        moveSelection(&state, in: .filters, by: delta)
        return []
    }
    guard state.filtersCursor.selected < state.filterRows.count else { return [] }
    let step: Int
    switch key {
    case .enter, .character(" "), .right: step = 1
    case .left: step = -1
    case .escape:
        focus(&state, .catalogue)
        return []
    default: return []
    }
    let row = state.filterRows[state.filtersCursor.selected]
    if row == .price, key == .enter {
        state.priceEntry = TextField("", maxLength: PriceEntry.maxLength)
        return []
    }
    guard let text = FilterEdit.text(state.search.text, changing: row, step: step, filters: state.filters) else { return [] }
    if let problem = state.queryProblem {
        state.status = StatusMessage("Fix the search box first: \(problem)", isError: true)
        return []
    }
    state.search.text = text
    state.refreshResults(resetSelection: true, announcesCount: true)
    return []
}

func handleCartKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    let lines = state.cart.lines
    if let delta = listMovement(key, page: pageSize(state, .cart), count: lines.count) {
        moveSelection(&state, in: .cart, by: delta)
        return []
    }
    guard state.cartCursor.selected < lines.count else {
        if key == .escape { focus(&state, .catalogue) }
        return []
    }
    let line = lines[state.cartCursor.selected]
    let title = state.shop.catalogue.product(sku: line.sku)?.title ?? line.sku
    switch key {
    case .character("+"), .character("="):
        return [.execute(.setCartQuantity(sku: line.sku, quantity: line.quantity + 1, by: state.shopper), note: "\(title): \(line.quantity + 1) in the cart")]
    case .character("-"):
        if line.quantity <= 1 {
            return [.execute(.removeFromCart(sku: line.sku, by: state.shopper), note: "Removed \(title) from the cart")]
        }
        return [.execute(.setCartQuantity(sku: line.sku, quantity: line.quantity - 1, by: state.shopper), note: "\(title): \(line.quantity - 1) in the cart")]
    case .character("d"), .delete:
        return [.execute(.removeFromCart(sku: line.sku, by: state.shopper), note: "Removed \(title) from the cart")]
    case .enter:
        if let product = state.shop.catalogue.product(sku: line.sku) {
            state.detail = ProductDetail(sku: product.sku, quantity: max(1, product.minimumOrderQuantity))
            focus(&state, .catalogue)
        }
    case .escape:
        focus(&state, .catalogue)
    default:
        break
    }
    return []
}
