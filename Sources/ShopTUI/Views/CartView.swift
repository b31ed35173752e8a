import ShopCore

/// The cart: one line a product with quantity and line total, then subtotal, VAT, total and how
/// far the basket is from free shipping.
enum CartView {
    static func draw(_ state: AppState, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let count = state.cart.itemCount
        let title = count == 0 ? "3 Cart · empty" : "3 Cart · \(count) item\(count == 1 ? "" : "s")"
        let inner = ShopView.frame(rect, title: title, focused: focused, state: state, into: &canvas)
        guard inner.height > 0, inner.width > 10 else { return }
        let styles = state.styles
        let summary: CartSummary
        do throws(CartError) {
            summary = try CartSummary(cart: state.cart, catalogue: state.shop.catalogue)
        } catch {
            canvas.put(error.description, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: styles.error)
            return
        }
        if summary.lines.isEmpty {
            let lines = ["Your cart is empty.", "", "Select a product and press a", "to add it here."]
            for (offset, text) in lines.enumerated() where offset < inner.height {
                canvas.put(text, x: inner.x + 2, y: inner.y + offset, maxWidth: inner.width - 3, style: offset == 0 ? styles.base : styles.muted)
            }
            return
        }
        let listRows = max(1, inner.height - Layout.cartSummaryRows)
        let cursor = state.cartCursor
        for offset in 0..<listRows {
            let index = cursor.top + offset
            guard index < summary.lines.count else { break }
            let line = summary.lines[index]
            let y = inner.y + offset
            let amount = state.money.format(line.gross)
            let amountWidth = DisplayWidth.of(amount)
            let quantity = "\(line.quantity) ×"
            let quantityWidth = canvas.put(quantity, x: inner.x + 2, y: y, style: styles.price)
            canvas.put(TextFit.title(line.product.title, width: inner.width - 5 - quantityWidth - amountWidth), x: inner.x + 3 + quantityWidth, y: y,
                       maxWidth: inner.width - 5 - quantityWidth - amountWidth, style: styles.base)
            canvas.putRight(amount, rightEdge: inner.maxX - 1, y: y, maxWidth: amountWidth, style: styles.price)
            if index == cursor.selected {
                ShopView.markSelected(row: y, in: inner, focused: focused, state: state, into: &canvas)
            }
        }
        drawTotals(summary, state: state, inner: inner, into: &canvas)
    }

    private static func drawTotals(_ summary: CartSummary, state: AppState, inner: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        var y = max(inner.y + 1, inner.maxY - Layout.cartSummaryRows)
        guard y < inner.maxY else { return }
        canvas.rule(x: inner.x + 1, y: y, width: inner.width - 2, style: styles.border)
        y += 1
        let rows: [(String, String, TextStyle)] = [
            ("Subtotal", state.money.format(summary.subtotal), styles.base),
            ("of which VAT", state.money.format(summary.vat), styles.muted),
            ("Total", state.money.format(summary.total), styles.price),
        ]
        for (label, amount, style) in rows where y < inner.maxY {
            canvas.put(label, x: inner.x + 2, y: y, maxWidth: inner.width - 3, style: label == "Total" ? styles.heading : styles.muted)
            canvas.putRight(amount, rightEdge: inner.maxX - 1, y: y, maxWidth: inner.width - 12, style: style)
            y += 1
        }
        guard y < inner.maxY else { return }
        // A price the shop changed since the line was added is said before checkout.
        if let change = state.shop.priceChanges(in: state.shopper).first {
            let text = "Price now \(state.money.format(change.current)) (was \(state.money.format(change.previous))): \(change.sku)"
            canvas.put(text, x: inner.x + 2, y: y, maxWidth: inner.width - 3, style: styles.stockLow)
            return
        }
        // The domain's rule for standard delivery, the one checkout applies to the goods' total.
        guard let threshold = DeliveryMethod.standard.freeFrom(currency: summary.currency) else { return }
        let missing = threshold.minorUnits - summary.total.minorUnits
        if missing > 0 {
            let gap = state.money.format(Money(minorUnits: missing, currency: summary.currency))
            canvas.put("\(gap) more ships free", x: inner.x + 2, y: y, maxWidth: inner.width - 3, style: styles.stockLow)
        } else {
            canvas.put("✓ Free shipping", x: inner.x + 2, y: y, maxWidth: inner.width - 3, style: styles.success)
        }
    }
}
