import ShopCore

/// The result list: one product a row with price (VAT included), the previous price when
/// discounted, availability in words and colour, and rating with its review count (a catalogue's
/// own rating marked as such, see `RatingSummary`). Only the visible rows are fetched
/// from the results, so a million products cost the same as ten.
enum CatalogueView {
    struct Columns {
        var title: Int
        var brand: Int
        var price: Int
        var previous: Int
        /// "-17%" when there is no room for the previous price.
        var discount: Int
        var availability: Int
        var rating: Int

        /// Below 80 columns the price and discount columns are only as wide as the rows shown
        /// (`page`) need, so that the title takes the rest: at 80×24 the catalogue is 48 columns.
        init(width: Int, page: [Product], money: MoneyFormatter) {
            let usable = width - 2
            // Wide lists say "★4.7 · 3 reviews", narrower ones "★4.7 (3)"; below 52 the titles need the room.
            rating = usable >= 96 ? 18 : usable >= 52 ? 10 : 0
            availability = usable >= 40 ? (usable >= 90 ? 18 : 13) : 0
            previous = usable >= 80 ? 11 : 0
            if previous > 0 {
                price = 11
                discount = 0
            } else {
                let widest = page.lazy.map { DisplayWidth.of(money.format($0.price)) }.max() ?? 0
                price = max(DisplayWidth.of("Price"), widest) + 1
                discount = usable >= 42 && page.contains { $0.discountPercent != nil } ? 5 : 0
            }
            brand = usable >= 96 ? min(22, usable / 6) : 0
            title = max(8, usable - rating - availability - price - previous - discount - brand)
        }
    }

    static func draw(_ state: AppState, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let title = state.search.text.isEmpty && state.filters.isEmpty ? "Catalogue" : "Results"
        let inner = ShopView.frame(rect, title: "1 \(title) · \(state.money.formatCount(state.results.total))", focused: focused, state: state, into: &canvas)
        guard inner.height > 1, inner.width > 10 else { return }
        let styles = state.styles
        let rows = inner.height - 1
        let cursor = state.catalogueCursor
        let positions = state.results.positions(offset: cursor.top, limit: rows)
        let products = state.shop.catalogue.products
        let columns = Columns(width: inner.width, page: positions.map { products[$0] }, money: state.money)
        drawHeader(columns, inner: inner, styles: styles, into: &canvas)
        if positions.isEmpty {
            let hint = state.search.text.isEmpty ? "No products match these filters: clear some in Filters (2)."
                : "Nothing matches “\(state.search.text)”: try fewer or shorter words."
            canvas.put(hint, x: inner.x + 2, y: inner.y + 2, maxWidth: inner.width - 3, style: styles.muted)
            return
        }
        for (offset, position) in positions.enumerated() {
            let y = inner.y + 1 + offset
            drawRow(products[position], columns: columns, x: inner.x, y: y, state: state, into: &canvas)
            if cursor.top + offset == cursor.selected {
                ShopView.markSelected(row: y, in: inner, focused: focused, state: state, into: &canvas)
            }
        }
    }

    private static func drawHeader(_ columns: Columns, inner: Rect, styles: ThemeStyles, into canvas: inout Canvas) {
        let style = styles.muted.adding(.bold)
        var x = inner.x + 2
        canvas.put("Product", x: x, y: inner.y, maxWidth: columns.title, style: style)
        x += columns.title
        if columns.brand > 0 {
            canvas.put("Brand", x: x, y: inner.y, maxWidth: columns.brand, style: style)
            x += columns.brand
        }
        canvas.putRight("Price", rightEdge: x + columns.price - 1, y: inner.y, maxWidth: columns.price, style: style)
        x += columns.price
        if columns.previous > 0 {
            canvas.putRight("Was", rightEdge: x + columns.previous - 1, y: inner.y, maxWidth: columns.previous, style: style)
            x += columns.previous
        }
        x += columns.discount
        if columns.availability > 0 {
            canvas.put(" Availability", x: x, y: inner.y, maxWidth: columns.availability, style: style)
            x += columns.availability
        }
        if columns.rating > 0 { canvas.putRight("Rating", rightEdge: inner.maxX - 1, y: inner.y, maxWidth: columns.rating, style: style) }
    }

    private static func drawRow(_ product: Product, columns: Columns, x start: Int, y: Int, state: AppState, into canvas: inout Canvas) {
        let styles = state.styles
        var x = start + 2
        canvas.put(TextFit.title(product.title, width: columns.title - 1), x: x, y: y, maxWidth: columns.title - 1, style: styles.base)
        x += columns.title
        if columns.brand > 0 {
            canvas.put(product.brand, x: x, y: y, maxWidth: columns.brand - 1, style: styles.muted)
            x += columns.brand
        }
        canvas.putRight(state.money.format(product.price), rightEdge: x + columns.price - 1, y: y, maxWidth: columns.price - 1, style: styles.price)
        x += columns.price
        if columns.previous > 0 {
            if let previous = product.previousPrice, product.discountPercent != nil {
                canvas.putRight(state.money.format(previous), rightEdge: x + columns.previous - 1, y: y, maxWidth: columns.previous - 1, style: styles.pricePrevious)
            }
            x += columns.previous
        }
        if columns.discount > 0 {
            if let percent = product.discountPercent { canvas.put(" -\(percent)%", x: x, y: y, maxWidth: columns.discount, style: styles.discount) }
            x += columns.discount
        }
        if columns.availability > 0 {
            let (label, style) = availability(product.availability, styles: styles, short: columns.availability < 16)
            canvas.put(" " + label, x: x, y: y, maxWidth: columns.availability, style: style)
            x += columns.availability
        }
        if columns.rating > 0 {
            let summary = product.ratingSummary
            // A wide availability ("Ships in 5–8 days") may fill its column: keep a blank one before the rating.
            let room = columns.rating - (columns.availability >= 16 ? 2 : 1)
            if let text = summary.listForms.first(where: { DisplayWidth.of($0) <= room }) {
                canvas.putRight(text, rightEdge: start + 1 + columns.title + columns.brand + columns.price + columns.previous + columns.discount + columns.availability + columns.rating,
                                y: y, maxWidth: room, style: summary.isCatalogueRating ? styles.muted : styles.rating)
            }
        }
    }

    /// Availability in words and its colour; `short` fits 12 columns.
    static func availability(_ availability: Availability, styles: ThemeStyles, short: Bool) -> (String, TextStyle) {
        switch availability {
        case .inStock: return ("In stock", styles.stockIn)
        case let .lowStock(remaining): return (short ? "Only \(remaining) left" : "Only \(remaining) left", styles.stockLow)
        case .outOfStock: return ("Out of stock", styles.stockOut)
        case let .shipsIn(lead): return (short ? "Ships \(lead.minDays)–\(lead.maxDays) d" : "Ships in \(lead.label)", styles.stockBackorder)
        }
    }
}
