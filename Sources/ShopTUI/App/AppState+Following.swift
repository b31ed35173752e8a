import ShopCore

/// Following what other processes commit (another terminal, `comptoir courier advance`, `agent pay`,
/// an import): the screen shows the new shop while the customer's typing, filters, open screens and
/// selections stay as they were. A selection stays on its product and cart line when rows move around
/// it; in Orders and Messages (newest first) it does while the customer is in that pane, and otherwise
/// stays on the top row, the newest.
extension AppState {
    mutating func followShop(_ shop: ShopState, catalogueChanged: Bool) {
        let product = selectedProduct?.sku
        let cartLine = cartCursor.selected < cart.lines.count ? cart.lines[cartCursor.selected].sku : nil
        let order = selectedOrder?.number
        self.shop = shop
        // The search box's query runs again: stock, prices and new products change what it finds.
        if catalogueChanged { self.catalogueChanged() } else { refreshResults(resetSelection: false) }
        let layout = self.layout
        if let product { keepCatalogueSelection(on: product) }
        if let cartLine, let row = cart.lines.firstIndex(where: { $0.sku == cartLine }) {
            cartCursor.moveTo(row, count: cart.lines.count, visible: layout.listRows(.cart))
        }
        if focus == .orders, let order, let row = customerOrders.firstIndex(where: { $0.number == order }) {
            ordersCursor.moveTo(row, count: customerOrders.count, visible: OrdersPaneView.visibleOrders(layout))
        }
        clampCursors()
    }

    /// Moves the catalogue selection back onto `sku` when the new results put it on another row
    /// near by (an import adds products around it). Results still on their way leave it as it is.
    private mutating func keepCatalogueSelection(on sku: String) {
        guard selectedProduct?.sku != sku, let position = shop.catalogue.position(of: sku) else { return }
        let window = 200
        let start = max(0, catalogueCursor.selected - window)
        guard let found = results.positions(offset: start, limit: 2 * window + 1).firstIndex(of: position) else { return }
        catalogueCursor.moveTo(start + found, count: results.total, visible: layout.listRows(.catalogue))
    }

    /// Moves the Messages selection back onto the message with `key` after new mail came in above it.
    mutating func keepMessageSelection(on key: String?) {
        guard focus == .messages, let key, let row = inbox.firstIndex(where: { $0.key == key }) else { return }
        messagesCursor.moveTo(row, count: inbox.count, visible: layout.listRows(.messages))
    }
}
