import ShopCore

/// The Filters pane: sort, in-stock toggle, rating and price bands, then brands and categories
/// with how many results each would give.
enum FiltersView {
    static func draw(_ state: AppState, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let inner = ShopView.frame(rect, title: "2 Filters", focused: focused, state: state, into: &canvas)
        guard inner.height > 0, inner.width > 8 else { return }
        let styles = state.styles
        let rows = state.filterRows
        let cursor = state.filtersCursor
        for offset in 0..<inner.height {
            let index = cursor.top + offset
            guard index < rows.count else { break }
            let y = inner.y + offset
            let x = inner.x + 2
            let width = inner.width - 3
            switch rows[index] {
            case .sort:
                labelled("Sort", FilterSelection.sortLabels[state.filters.sort] ?? "", x: x, y: y, width: width, styles: styles, into: &canvas)
            case .inStock:
                check(state.filters.inStockOnly, "In stock only", count: nil, x: x, y: y, width: width, styles: styles, into: &canvas)
            case .rating:
                labelled("Rating", state.filters.ratingLabel, x: x, y: y, width: width, styles: styles, into: &canvas)
            case .price:
                if let entry = state.priceEntry {
                    priceEntry(entry, x: x, y: y, width: width, state: state, into: &canvas)
                } else {
                    labelled("Price", state.filters.priceLabel(symbol: state.currencySymbol), x: x, y: y, width: width, styles: styles, into: &canvas)
                }
            case .clear:
                canvas.put("✕ Clear all filters", x: x, y: y, maxWidth: width, style: styles.error)
            case let .heading(title):
                canvas.put(title, x: inner.x + 1, y: y, maxWidth: width, style: styles.heading)
            case let .brand(name, count, selected), let .category(name, count, selected):
                check(selected, name, count: count, x: x, y: y, width: width, styles: styles, into: &canvas)
            }
            if index == cursor.selected {
                ShopView.markSelected(row: y, in: inner, focused: focused, state: state, into: &canvas)
                if focused, rows[index] == .price, let entry = state.priceEntry {
                    canvas.cursor = (min(x + priceEntryColumn + entry.displayedCursorColumn, inner.maxX - 1), y)
                }
            }
        }
    }

    private static func labelled(_ label: String, _ value: String, x: Int, y: Int, width: Int, styles: ThemeStyles, into canvas: inout Canvas) {
        let used = canvas.put(label, x: x, y: y, maxWidth: width, style: styles.muted)
        let valueText = "◂ \(value) ▸"
        canvas.putRight(valueText, rightEdge: x + width, y: y, maxWidth: max(0, width - used - 1), style: styles.base)
    }

    /// The Price row while a range is typed: the label, then the field in brackets (its caret at
    /// `priceEntryColumn`), then the currency.
    private static func priceEntry(_ field: TextField, x: Int, y: Int, width: Int, state: AppState, into canvas: inout Canvas) {
        let used = canvas.put("Price [", x: x, y: y, maxWidth: width, style: state.styles.muted)
        let room = width - used - 3
        guard room > 2 else { return }
        canvas.fill(Rect(x: x + used, y: y, width: room, height: 1), style: state.styles.input)
        canvas.put(field.text, x: x + used, y: y, maxWidth: room, style: state.styles.input)
        if field.text.isEmpty { canvas.put("10-25, -20, 50-", x: x + used, y: y, maxWidth: room, style: state.styles.inputPlaceholder) }
        canvas.put("] " + state.currencySymbol, x: x + used + room, y: y, maxWidth: 3, style: state.styles.muted)
    }

    /// Columns from the row's start to the price entry's text.
    static let priceEntryColumn = 7

    private static func check(_ on: Bool, _ name: String, count: Int?, x: Int, y: Int, width: Int, styles: ThemeStyles, into canvas: inout Canvas) {
        canvas.put(on ? "[x]" : "[ ]", x: x, y: y, style: on ? styles.checked : styles.muted)
        let countText = count.map { String($0) } ?? ""
        let countWidth = countText.count
        canvas.put(name, x: x + 4, y: y, maxWidth: max(1, width - 5 - countWidth), style: on ? styles.checked : styles.base)
        if count != nil { canvas.putRight(countText, rightEdge: x + width, y: y, maxWidth: countWidth, style: styles.muted) }
    }
}

extension AppState {
    /// The symbol of the catalogue's currency, for the price bands.
    var currencySymbol: String { shop.catalogue.products.first?.price.currency.symbol ?? "€" }
}
