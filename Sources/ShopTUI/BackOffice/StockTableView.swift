import ShopCore

/// The Catalogue & stock pane: the filter, then a table of the products with SKU, title, price,
/// stock (on hand and reserved) and whether they are on sale.
enum StockTableView {
    static func draw(_ state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let count = state.listedProductCount
        let title = "Catalogue & stock · \(state.money.formatCount(count)) of \(state.money.formatCount(state.shop.catalogue.count)) products"
        let inner = BackOfficeView.frame(rect, title: title, state: state, into: &canvas)
        guard inner.height > 2 else { return }
        let editing = state.screens.contains(.filterEditing)
        var x = inner.x + 1
        x += canvas.put("Filter ", x: x, y: inner.y, style: editing ? state.styles.titleFocus : state.styles.heading)
        let field = Rect(x: x, y: inner.y, width: max(1, min(40, inner.maxX - x - 1)), height: 1)
        canvas.fill(field, style: state.styles.input)
        if state.catalogueFilter.isEmpty, !editing {
            canvas.put("/ to filter by SKU or title", x: field.x, y: field.y, maxWidth: field.width, style: state.styles.inputPlaceholder)
        } else {
            let shown = FormView.visible(state.catalogueFilter, width: field.width - 1)
            canvas.put(shown.text, x: field.x, y: field.y, maxWidth: field.width, style: state.styles.input)
            if editing { canvas.cursor = (min(field.maxX - 1, field.x + shown.cursor), field.y) }
        }
        let table = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        guard count > 0 else {
            BackOfficeView.empty("No product matches “\(state.catalogueFilter.text)”. Esc clears the filter.", in: table, state: state, into: &canvas)
            return
        }
        let backOffice = state.shop.commerce.backOffice
        let wide = inner.width >= 110
        var columns: [TableWidget.Column] = [.init("SKU", width: wide ? 16 : 12), .init("Title")]
        if wide { columns.append(.init("Brand", width: 18)) }
        columns += [.init("Price", width: 10, alignment: .right), .init("Stock", width: 6, alignment: .right)]
        if wide { columns.append(.init("Reserved", width: 8, alignment: .right)) }
        columns.append(.init("On sale", width: 7))
        // Only the rows that can show are formatted: a large catalogue costs what fits on screen.
        let cursor = OrdersQueueView.clamped(state.cursor(.catalogue), count: count)
        let top = ListWidget(count: count, cursor: cursor).top(height: table.height - 1)
        let rows = (top..<min(count, top + max(0, table.height - 1))).map { row -> [String] in
            let product = state.shop.catalogue.products[state.listedProduct(row)]
            var row = [product.sku, product.title]
            if wide { row.append(product.brand) }
            row += [state.money.format(product.price), String(product.stockOnHand)]
            if wide { row.append(String(product.reservedStock)) }
            row.append(backOffice.isListed(product.sku) ? "yes" : "no")
            return row
        }
        var shownCursor = cursor
        shownCursor.selected -= top
        shownCursor.top = 0
        let widget = TableWidget(columns: columns, rows: rows, cursor: shownCursor)
        widget.draw(in: table, styles: state.styles, focused: !editing, into: &canvas)
        if case let .form(action)? = state.screens.screen(on: .form), action.isInPlace {
            drawEdit(action, state: state, widget: widget, table: table, row: table.y + 1 + shownCursor.selected,
                     message: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), into: &canvas)
        }
    }

    /// The stock or price being typed, in its cell of the selected row; what Enter and Esc do, or
    /// what was wrong, on the row above the table.
    static func drawEdit(_ action: ActionForm, state: BackOfficeState, widget: TableWidget, table: Rect, row: Int, message: Rect,
                         into canvas: inout Canvas) {
        let styles = state.styles
        let (id, title): (String, String)
        switch action.purpose {
        case .stock: (id, title) = ("stock", "Stock")
        case .price: (id, title) = ("price", "Price")
        case .ship, .refund, .promotion: return
        }
        guard let column = widget.columns.firstIndex(where: { $0.title == title }), let item = action.form.item(id),
              let field = item.textField, row < table.maxY else { return }
        let widths = widget.widths(total: table.width - 1)
        let x = table.x + 1 + widths[..<column].reduce(0, +) + column
        let cell = Rect(x: x, y: row, width: min(widths[column], table.maxX - x), height: 1)
        canvas.fill(cell, style: styles.input)
        let shown = FormView.visible(field, width: cell.width - 1)
        canvas.put(shown.text, x: cell.x, y: row, maxWidth: cell.width, style: styles.input)
        canvas.cursor = (min(cell.maxX - 1, cell.x + shown.cursor), row)
        let problem = item.error ?? action.form.error
        let text = problem ?? "\(action.title): Enter saves, Esc cancels" + (item.hint.map { " · \($0)" } ?? "")
        canvas.put(" " + text, x: message.x, y: message.y, maxWidth: message.width, style: problem == nil ? styles.titleFocus : styles.error)
    }
}
