import ShopCore

/// The product page, drawn where the catalogue list was: title, brand and category, price with
/// VAT, stock and delivery promise, rating, quantity to add, description and specifications.
enum ProductDetailView {
    static func draw(_ state: AppState, product: Product, detail: ProductDetail, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let inner = ShopView.frame(rect, title: "1 Product · Esc back", focused: focused, state: state, into: &canvas)
        guard inner.height > 2, inner.width > 10 else { return }
        let styles = state.styles
        let x = inner.x + 1
        let width = inner.width - 2
        var y = inner.y
        func line(_ text: String, _ style: TextStyle) {
            guard y < inner.maxY else { return }
            canvas.put(text, x: x, y: y, maxWidth: width, style: style)
            y += 1
        }
        line(product.title, styles.heading)
        line("\(product.brand) · \(product.category) · SKU \(product.sku)", styles.muted)
        y += 1
        if y < inner.maxY {
            var column = x
            column += canvas.put(state.money.format(product.price), x: column, y: y, maxWidth: width, style: styles.price)
            if let previous = product.previousPrice, let percent = product.discountPercent {
                column += canvas.put("  was ", x: column, y: y, style: styles.muted)
                column += canvas.put(state.money.format(previous), x: column, y: y, maxWidth: x + width - column, style: styles.pricePrevious)
                canvas.put("  -\(percent)%", x: column, y: y, maxWidth: x + width - column, style: styles.discount)
            }
            y += 1
        }
        let (net, vat) = product.vatClass.split(gross: product.price)
        line("VAT \(product.vatClass.label) included: \(state.money.format(vat)) (net \(state.money.format(net)))", styles.muted)
        let (availability, availabilityStyle) = CatalogueView.availability(product.availability, styles: styles, short: false)
        line(availability + stockDetail(product), availabilityStyle)
        line(deliveryPromise(product), styles.base)
        if let rating = product.rating {
            let reviews = product.reviews.count
            let count = reviews == 0 ? "" : "  (\(reviews) review\(reviews == 1 ? "" : "s"))"
            line("Rated \(rating.label) of 5  \(stars(rating))\(count)", styles.rating)
        }
        y += 1
        if y < inner.maxY {
            var column = x
            column += canvas.put("Quantity ", x: column, y: y, style: styles.base)
            column += canvas.put(" − \(detail.quantity) + ", x: column, y: y, style: styles.input)
            let added = state.cart.quantity(of: product.sku)
            let hint = added > 0 ? "   a adds · \(added) in the cart" : "   a adds to the cart"
            canvas.put(hint, x: column, y: y, maxWidth: x + width - column, style: styles.footerKey)
            y += 1
        }
        if product.minimumOrderQuantity > 1 || product.maximumOrderQuantity != nil {
            var limits: [String] = []
            if product.minimumOrderQuantity > 1 { limits.append("sold by at least \(product.minimumOrderQuantity)") }
            if let maximum = product.maximumOrderQuantity { limits.append("at most \(maximum) per order") }
            line(limits.joined(separator: ", ").capitalizedFirst, styles.muted)
        }
        y += 1
        for text in TextWrap.lines(product.description, width: width) {
            guard y < inner.maxY else { break }
            line(text, styles.base)
        }
        if !product.specifications.isEmpty, y + 1 < inner.maxY {
            y += 1
            for spec in product.specifications {
                guard y < inner.maxY else { break }
                let label = spec.name + ": "
                let used = canvas.put(label, x: x, y: y, maxWidth: width, style: styles.muted)
                canvas.put(spec.value, x: x + used, y: y, maxWidth: width - used, style: styles.base)
                y += 1
            }
        }
        if focused { canvas.cursor = (inner.x, inner.y) }
    }

    static func stockDetail(_ product: Product) -> String {
        switch product.availability {
        case .inStock: return " (\(product.availableStock) available)"
        case .lowStock: return ": order soon"
        case .outOfStock: return ": cannot be ordered now"
        case .shipsIn: return ", made or ordered for you"
        }
    }

    /// What the shop promises about delivery, without a clock: dispatch delay plus carriage.
    static func deliveryPromise(_ product: Product) -> String {
        switch product.availability {
        case .inStock, .lowStock: return "Delivered in 2–4 days, dispatched in 1 day"
        case .outOfStock: return "No delivery date until it is back in stock"
        case let .shipsIn(lead): return "Delivered in \(lead.minDays + 2)–\(min(30, lead.maxDays + 4)) days"
        }
    }

    static func stars(_ rating: Rating) -> String {
        let full = (rating.hundredths + 50) / 100
        return String(repeating: "★", count: full) + String(repeating: "☆", count: 5 - full)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
