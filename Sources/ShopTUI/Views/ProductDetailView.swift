import ShopCore

/// The product page, drawn where the catalogue list was. At the top what decides a purchase:
/// title, brand, category and SKU (never cut), price with the "was" price and the discount, VAT,
/// stock, delivery, rating with its review count (or "No reviews yet"), quantity to add. Below,
/// scrolled with PgUp/PgDn: description, specifications and reviews, those about this variant first;
/// from 100 columns in two columns, reviews on the right.
enum ProductDetailView {
    /// The id of the page's scroll in `ScrollExtents`.
    static let extentID = "product"
    /// Inner width from which the description and the reviews stand side by side.
    static let twoColumnsFrom = 100

    static func draw(_ state: AppState, product: Product, detail: ProductDetail, in rect: Rect, focused: Bool, into canvas: inout Canvas) {
        let inner = ShopView.frame(rect, title: "1 Product · Esc back", focused: focused, state: state, into: &canvas)
        guard inner.height > 2, inner.width > 10 else { return }
        let width = inner.width - 2
        let top = summary(state, product: product, detail: detail, width: width)
        for (offset, line) in top.prefix(inner.height).enumerated() {
            line.draw(x: inner.x + 1, y: inner.y + offset, width: width, into: &canvas)
        }
        let bodyTop = inner.y + top.count + 1
        if bodyTop < inner.maxY {
            let body = Rect(x: inner.x, y: bodyTop, width: inner.width, height: inner.maxY - bodyTop)
            drawBody(state, product: product, scroll: detail.scroll, in: body, frame: rect, into: &canvas)
        } else {
            state.scrollExtents.record(extentID, maxScroll: 0)
        }
        if focused { canvas.cursor = (inner.x, inner.y) }
    }

    /// Rows the scrolled part of the page has on screen now: what a page key moves by.
    static func bodyRows(_ state: AppState, product: Product, detail: ProductDetail) -> Int {
        guard let rect = state.layout.panes[.catalogue] else { return 1 }
        let inner = rect.inner
        return inner.height - summary(state, product: product, detail: detail, width: inner.width - 2).count - 1
    }

    /// The lines above the scrolled part.
    static func summary(_ state: AppState, product: Product, detail: ProductDetail, width: Int) -> [StyledLine] {
        let styles = state.styles
        var lines = TextWrap.lines(product.title, width: width).prefix(2).map { StyledLine($0, styles.heading) }
        let sku = "SKU \(product.sku)"
        let place = "\(product.brand) · \(product.category)"
        let placeRoom = width - DisplayWidth.of(sku) - 3
        lines.append(placeRoom >= 6 ? StyledLine([.init(text: TextFit.end(place, width: placeRoom) + " · ", style: styles.muted), .init(text: sku, style: styles.muted)])
            : StyledLine(sku, styles.muted))
        lines.append(.blank)
        var price: [StyledLine.Span] = [.init(text: state.money.format(product.price), style: styles.price)]
        if let previous = product.previousPrice, let percent = product.discountPercent {
            let saved = Money(minorUnits: previous.minorUnits - product.price.minorUnits, currency: previous.currency)
            price += [
                .init(text: "  was ", style: styles.muted), .init(text: state.money.format(previous), style: styles.pricePrevious),
                .init(text: "  -\(percent)%", style: styles.discount), .init(text: "  you save \(state.money.format(saved))", style: styles.muted),
            ]
        }
        lines.append(StyledLine(price))
        let (net, vat) = product.vatClass.split(gross: product.price)
        lines.append(StyledLine("VAT \(product.vatClass.label) included: \(state.money.format(vat)) (net \(state.money.format(net)))", styles.muted))
        let (availability, availabilityStyle) = CatalogueView.availability(product.availability, styles: styles, short: false)
        lines.append(StyledLine(availability + stockDetail(product), availabilityStyle))
        lines.append(StyledLine(deliveryPromise(product), styles.base))
        lines += ratingLines(product, width: width, styles: styles)
        lines.append(.blank)
        let added = state.cart.quantity(of: product.sku)
        lines.append(StyledLine([
            .init(text: "Quantity ", style: styles.base), .init(text: " − \(detail.quantity) + ", style: styles.input),
            .init(text: added > 0 ? "   a adds · \(added) in the cart" : "   a adds to the cart", style: styles.footerKey),
        ]))
        if product.minimumOrderQuantity > 1 || product.maximumOrderQuantity != nil {
            var limits: [String] = []
            if product.minimumOrderQuantity > 1 { limits.append("sold by at least \(product.minimumOrderQuantity)") }
            if let maximum = product.maximumOrderQuantity { limits.append("at most \(maximum) per order") }
            lines.append(StyledLine(limits.joined(separator: ", ").capitalizedFirst, styles.muted))
        }
        return lines
    }

    /// Description and specifications, then reviews; side by side when the page is wide.
    private static func drawBody(_ state: AppState, product: Product, scroll: Int, in body: Rect, frame: Rect, into canvas: inout Canvas) {
        let styles = state.styles
        if body.width >= twoColumnsFrom, !product.reviews.isEmpty {
            let leftWidth = (body.width - 1) / 2
            let left = Rect(x: body.x, y: body.y, width: leftWidth, height: body.height)
            let right = Rect(x: body.x + leftWidth + 1, y: body.y, width: body.width - leftWidth - 1, height: body.height)
            let about = ScrolledDocument(lines: aboutLines(product, width: left.width - 2, styles: styles), scroll: scroll)
            let reviews = ScrolledDocument(lines: reviewLines(product, width: right.width - 2, styles: styles), scroll: scroll)
            for row in body.y..<body.maxY { canvas.put("│", x: right.x - 1, y: row, style: styles.border) }
            _ = about.draw(in: left, frame: Rect(x: frame.x, y: frame.y, width: left.maxX - frame.x, height: frame.height), styles: styles, into: &canvas)
            _ = reviews.draw(in: right, frame: Rect(x: right.x, y: frame.y, width: frame.maxX - right.x, height: frame.height), styles: styles, into: &canvas)
            let longest = max(about.lines.count, reviews.lines.count)
            state.scrollExtents.record(extentID, maxScroll: longest - body.height)
        } else {
            var lines = aboutLines(product, width: body.width - 2, styles: styles)
            let reviews = reviewLines(product, width: body.width - 2, styles: styles)
            if !reviews.isEmpty { lines += [.blank] + reviews }
            _ = ScrolledDocument(lines: lines, scroll: scroll).draw(in: body, frame: frame, styles: styles, into: &canvas)
            state.scrollExtents.record(extentID, maxScroll: lines.count - body.height)
        }
    }

    /// The description, then the specifications as `name: value`.
    static func aboutLines(_ product: Product, width: Int, styles: ThemeStyles) -> [StyledLine] {
        var lines = StyledLine.wrapped(product.description, width: width, style: styles.base)
        if product.description.isEmpty { lines = [] }
        guard !product.specifications.isEmpty else { return lines }
        if !lines.isEmpty { lines.append(.blank) }
        lines.append(StyledLine("Specifications", styles.heading))
        for spec in product.specifications {
            let label = spec.name + ": "
            let valueLines = TextWrap.lines(spec.value, width: max(1, width - DisplayWidth.of(label)))
            for (index, value) in valueLines.enumerated() {
                lines.append(StyledLine([.init(text: index == 0 ? label : String(repeating: " ", count: DisplayWidth.of(label)), style: styles.muted),
                                         .init(text: value, style: styles.base)]))
            }
        }
        return lines
    }

    /// The rating beside its review count: `★★★★★ 4.7 of 5 · 3 reviews of all grinds`; a catalogue's own
    /// rating says so (`4.0 of 5 (catalogue rating) · no reviews yet`); no rating and no review says
    /// "No reviews yet". On two lines when one is too narrow.
    static func ratingLines(_ product: Product, width: Int, styles: ThemeStyles) -> [StyledLine] {
        let summary = product.ratingSummary
        var count = summary.reviewCountLabel
        if summary.reviewCount > 0, let scope = product.reviewsScope { count += " " + scope }
        guard let rating = summary.rating else {
            return [StyledLine(summary.reviewCount == 0 ? count : "Not rated · " + count, styles.muted)]
        }
        let catalogue = summary.isCatalogueRating
        let stars = StyledLine.Span(text: RatingSummary.stars(rating) + " ", style: catalogue ? styles.muted : styles.rating)
        let figure = "\(rating.label) of 5" + (catalogue ? " (catalogue rating)" : "")
        let countStyle = summary.reviewCount == 0 ? styles.muted : styles.base
        let oneLine = stars.text + figure + " · " + count
        if DisplayWidth.of(oneLine) <= width {
            return [StyledLine([stars, .init(text: figure, style: styles.base), .init(text: " · " + (catalogue ? count.lowercasedFirst : count), style: countStyle)])]
        }
        return [StyledLine([stars, .init(text: figure, style: styles.base)]), StyledLine(count, countStyle)]
    }

    /// "Reviews · 3 · average 4.3 ★" (on a variant's page "Reviews of all grinds · 3 · …"), then each
    /// review: stars, author and date, the other variant it is about if any, then its text. Reviews of
    /// this variant come first.
    static func reviewLines(_ product: Product, width: Int, styles: ThemeStyles) -> [StyledLine] {
        let reviews = product.reviews
        guard let average = Review.average(reviews) else { return [] }
        let title = product.reviewsScope.map { "Reviews \($0)" } ?? "Reviews"
        var lines = StyledLine.wrapped("\(title) · \(reviews.count) · average \(average.label) ★", width: width, style: styles.heading)
        for (review, _) in product.reviewsForPage {
            lines.append(.blank)
            lines.append(StyledLine([
                .init(text: String(repeating: "★", count: review.stars) + String(repeating: "☆", count: 5 - review.stars) + " ", style: styles.rating),
                .init(text: review.reviewerName, style: styles.base.adding(.bold)),
                .init(text: " · " + reviewDate(review.date), style: styles.muted),
            ]))
            if let about = product.aboutLabel(of: review) { lines += StyledLine.wrapped(about, width: width, style: styles.muted) }
            lines += StyledLine.wrapped(review.comment, width: width, style: styles.base)
        }
        return lines
    }

    /// `2026-03-14` (or a timestamp starting so) as `14 Mar 2026`; anything else as it is.
    static func reviewDate(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return TextFit.end(text, width: 24) }
        return "\(day) \(DayFormat.months[month - 1]) \(year)"
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

}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
