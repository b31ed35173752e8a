import ShopCore

/// The full screens of after-sales (the order screen and its return and support steps, the
/// message reader): they replace the panes between the header and the status line.
enum AfterSalesView {
    static func screenRect(_ layout: Layout) -> Rect {
        Rect(x: 0, y: 1, width: layout.width, height: max(0, layout.height - 3))
    }

    /// Columns of text inside the screen's border, one column of margin each side.
    static func textWidth(_ layout: Layout) -> Int { max(1, screenRect(layout).inner.width - 2) }

    static func textRows(_ layout: Layout) -> Int { max(1, screenRect(layout).inner.height) }

    /// The scrolled document on screen now, nil when none (the support step scrolls its own way).
    static func document(_ state: AppState) -> [StyledLine]? {
        let width = textWidth(state.layout)
        if let screen = state.orderScreen, let order = state.screenOrder {
            switch screen.mode {
            case .details: return OrderScreenView.document(state, order: order, width: width)
            case let .returning(draft): return ReturnView.document(state, order: order, draft: draft, width: width)
            case .support: return nil
            }
        }
        if state.reader != nil, let message = state.readerMessage {
            return MessageReaderView.document(state, message: message, width: width)
        }
        return nil
    }

    /// The furthest the current document may scroll (for tests: `update` uses what was drawn).
    static func maxScroll(_ state: AppState) -> Int {
        max(0, (document(state)?.count ?? 0) - textRows(state.layout))
    }

    /// Draws the open screen; false when none is open, and the panes are drawn instead.
    static func drawScreen(_ state: AppState, layout: Layout, into canvas: inout Canvas) -> Bool {
        let rect = screenRect(layout)
        if let screen = state.orderScreen, let order = state.screenOrder {
            switch screen.mode {
            case .details:
                drawDocument(OrderScreenView.document(state, order: order, width: textWidth(layout)), title: "Order \(order.number)",
                             scroll: screen.scroll, extent: extentID(of: screen), cursorRow: nil, in: rect, state: state, into: &canvas)
            case let .returning(draft):
                drawDocument(ReturnView.document(state, order: order, draft: draft, width: textWidth(layout)),
                             title: "Return items · Order \(order.number)", scroll: screen.scroll, extent: extentID(of: screen),
                             cursorRow: ReturnView.selectedRow(draft), in: rect, state: state, into: &canvas)
            case let .support(draft):
                let inner = ShopView.frame(rect, title: "Support · Order \(order.number)", focused: true, state: state, into: &canvas)
                SupportView.draw(state, order: order, draft: draft, in: inner, into: &canvas)
            }
            return true
        }
        if let reader = state.reader, let message = state.readerMessage {
            drawDocument(MessageReaderView.document(state, message: message, width: textWidth(layout)), title: "Message",
                         scroll: reader.scroll, extent: extentID(of: reader), cursorRow: nil, in: rect, state: state, into: &canvas)
            return true
        }
        return false
    }

    /// The name under which a screen's scroll extent is recorded.
    static func extentID(of screen: OrderScreen) -> String {
        switch screen.mode {
        case .details: return "order \(screen.number)"
        case .returning: return "return \(screen.number)"
        case .support: return "support \(screen.number)"
        }
    }

    static func extentID(of reader: MessageReader) -> String { "message \(reader.key)" }

    /// A framed document from line `scroll`, with where it is when it does not fit.
    static func drawDocument(_ lines: [StyledLine], title: String, scroll: Int, extent: String, cursorRow: Int?, in rect: Rect,
                             state: AppState, into canvas: inout Canvas) {
        let inner = ShopView.frame(rect, title: title, focused: true, state: state, into: &canvas)
        guard inner.height > 0, inner.width > 2 else { return }
        state.scrollExtents.record(extent, maxScroll: lines.count - inner.height)
        let top = ScrolledDocument(lines: lines, scroll: scroll).draw(in: inner, frame: rect, styles: state.styles, into: &canvas)
        // The hardware cursor on the chosen line, else on the first line shown (screen readers).
        if let cursorRow, cursorRow >= top, cursorRow < top + inner.height {
            canvas.cursor = (inner.x + 1, inner.y + cursorRow - top)
        } else {
            canvas.cursor = (inner.x + 1, inner.y)
        }
    }
}
