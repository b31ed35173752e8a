import ShopCore

/// The top row: the shop's name, the search box, and the cart's count and total.
enum HeaderView {
    /// What the empty search box says, longest first: the longest that fits is shown.
    static let placeholders = ["Search products… press /", "Search… press /", "Search…"]

    static func draw(_ state: AppState, layout: Layout, into canvas: inout Canvas) {
        let styles = state.styles
        canvas.fill(layout.header, style: styles.header)
        let brandWidth = canvas.put(" ◆ Comptoir ", x: 0, y: 0, style: styles.brand)
        let cart = cartSummary(state)
        let cartWidth = DisplayWidth.of(cart)
        let box = searchBox(state, layout: layout)
        if layout.width - brandWidth - cartWidth - 4 >= 12 {
            canvas.putRight(cart, rightEdge: layout.width, y: 0, maxWidth: cartWidth, style: styles.header)
        }
        let demo = demoLabel(state, layout: layout)
        let accountX = box.maxX + 1
        // The account label's last column is a space: the demo label's first one may cover it.
        let accountEnd = demo.map { $0.x + 1 } ?? layout.width - (layout.width - brandWidth - cartWidth - 4 >= 12 ? cartWidth : 0)
        let accountRoom = accountEnd - accountX
        if accountRoom >= 6 {
            let account = accountLabel(state, room: accountRoom)
            let nameWidth = DisplayWidth.of(account.name)
            let written = canvas.put(account.name, x: accountX, y: 0, maxWidth: accountRoom, style: styles.header.adding(.bold))
            if written >= nameWidth, let hint = account.hint {
                canvas.put(hint, x: accountX + written, y: 0, maxWidth: accountRoom - written, style: styles.header)
            }
        }
        if let demo {
            canvas.put(demo.text, x: demo.x, y: 0, maxWidth: DisplayWidth.of(demo.text), style: styles.header.adding([.bold, .reverse]))
        }
        canvas.fill(box, style: styles.input)
        canvas.put("⌕ ", x: box.x, y: 0, maxWidth: 2, style: styles.input)
        let textArea = Rect(x: box.x + 2, y: 0, width: box.width - 3, height: 1)
        if state.search.text.isEmpty && !state.search.isEditing {
            canvas.put(TextFit.first(placeholders, width: textArea.width), x: textArea.x, y: 0, maxWidth: textArea.width, style: styles.inputPlaceholder)
        } else {
            canvas.put(visibleSearchText(state.search.field, width: textArea.width).text, x: textArea.x, y: 0, maxWidth: textArea.width, style: styles.input)
        }
        if state.isSearching { drawSearchingMark(state, box: box, into: &canvas) }
    }

    /// "searching…" at the right end of the box while the results of what was typed are on their
    /// way (a large catalogue searches in the background); the previous results stay meanwhile.
    private static func drawSearchingMark(_ state: AppState, box: Rect, into canvas: inout Canvas) {
        let mark = state.isIndexing ? " indexing… " : " searching… "
        let width = DisplayWidth.of(mark)
        let typed = DisplayWidth.of(visibleSearchText(state.search.field, width: box.width - 3).text)
        guard box.width - 3 - typed > width else { return }
        canvas.putRight(mark, rightEdge: box.maxX, y: 0, maxWidth: width, style: state.styles.inputPlaceholder)
    }

    /// The cart's count and total, after the unread messages when there are any and the header
    /// has room (the Messages pane is not always on screen; below 80 columns the tab bar counts them).
    static func cartSummary(_ state: AppState) -> String {
        let unread = state.unreadCount
        return (unread > 0 && state.width >= 100 ? " Messages (\(unread)) ·" : "") + cartOnly(state)
    }

    private static func cartOnly(_ state: AppState) -> String {
        let count = state.cart.itemCount
        guard count > 0 else { return " Cart empty " }
        let total = (try? CartSummary(cart: state.cart, catalogue: state.shop.catalogue)).map { state.money.format($0.total) } ?? ""
        return " Cart \(count) item\(count == 1 ? "" : "s") · \(total) "
    }

    /// "DEMO 30 Nov 09:12" between the search box and the cart, when there is room for both.
    static func demoLabel(_ state: AppState, layout: Layout) -> (text: String, x: Int)? {
        guard state.demo != nil else { return nil }
        let text = " " + DemoBanner.clock(state.now) + " "
        let cartWidth = DisplayWidth.of(cartSummary(state)) + 2
        let x = layout.width - cartWidth - DisplayWidth.of(text)
        return x - 13 >= 20 ? (text, x) : nil
    }

    /// Who is shopping: `Logged in as NAME`, or `Guest` and how to log in. Below 100 columns
    /// the words before the name give way to the search box.
    static func accountLabel(_ state: AppState, room: Int = .max) -> (name: String, hint: String?) {
        guard let customer = state.customer else { return (" Guest", " · l log in ") }
        let full = " Logged in as \(customer.name) "
        return (DisplayWidth.of(full) <= room ? full : " \(customer.name) ", nil)
    }

    /// Columns the account label wants: the guest's words, or `Logged in as NAME` (at most 34
    /// columns), or the name alone (at most 16) when the search box would get under 12.
    static func accountWidth(_ state: AppState, layout: Layout, available: Int) -> Int {
        let label = accountLabel(state)
        let wanted = DisplayWidth.of(label.name) + DisplayWidth.of(label.hint ?? "")
        guard let customer = state.customer else { return wanted }
        if available - min(wanted, 34) >= 12 { return min(wanted, 34) }
        return min(DisplayWidth.of(" \(customer.name) "), 16)
    }

    static func searchBox(_ state: AppState, layout: Layout) -> Rect {
        let left = 13
        let cartWidth = DisplayWidth.of(cartSummary(state)) + 2 + (demoLabel(state, layout: layout).map { DisplayWidth.of($0.text) } ?? 0)
        var available = layout.width - left - (layout.width - left - cartWidth - 2 >= 12 ? cartWidth : 1)
        let accountWidth = accountWidth(state, layout: layout, available: available)
        if available - accountWidth >= 12 { available -= accountWidth }
        return Rect(x: left, y: 0, width: min(max(12, available), 72), height: 1)
    }

    /// The part of the typed text the box shows, and the caret's column in it: the text from its
    /// start when it fits, else the end of the text before the caret and what follows, so the caret
    /// stays in view wherever it is.
    static func visibleSearchText(_ field: TextField, width: Int) -> (text: String, caretColumn: Int) {
        let text = field.text
        let caret = text.index(text.startIndex, offsetBy: min(field.cursor, text.count))
        guard DisplayWidth.of(text) > width - 1 else {
            return (text, DisplayWidth.of(TextSanitizer.clean(text[..<caret])))
        }
        var before = text[..<caret]
        while DisplayWidth.of(before) > width - 1, !before.isEmpty { before = before.dropFirst() }
        return (String(before) + text[caret...], DisplayWidth.of(TextSanitizer.clean(before)))
    }

    static func searchCursor(_ state: AppState, layout: Layout) -> (x: Int, y: Int) {
        let box = searchBox(state, layout: layout)
        let caret = visibleSearchText(state.search.field, width: box.width - 3).caretColumn
        return (min(box.maxX - 1, box.x + 2 + caret), 0)
    }
}

/// The row of tabs below 80 columns, one a pane with its number.
public enum TabBarView {
    /// Every tab with its title when they fit, else the focused one with its title and the others
    /// by number.
    /// The Messages tab counts unread messages: `5 Messages (2)`, or `5 (2)` when short.
    static func labels(width: Int, focus: PaneID, unread: Int = 0) -> [(PaneID, String)] {
        func count(_ pane: PaneID) -> String { pane == .messages && unread > 0 ? " (\(unread))" : "" }
        let full = PaneID.allCases.map { ($0, " \($0.rawValue) \($0.title)\(count($0)) ") }
        if full.reduce(0, { $0 + DisplayWidth.of($1.1) }) <= width { return full }
        return PaneID.allCases.map { ($0, $0 == focus ? " \($0.rawValue) \($0.title)\(count($0)) " : " \($0.rawValue)\(count($0)) ") }
    }

    static func draw(_ state: AppState, in rect: Rect, into canvas: inout Canvas) {
        tabs(width: rect.width, focus: state.focus, unread: state.unreadCount).widget.draw(in: rect, styles: state.styles, into: &canvas)
    }

    /// The pane whose tab covers `column`.
    public static func pane(atColumn column: Int, width: Int, focus: PaneID, unread: Int = 0) -> PaneID? {
        let tabs = tabs(width: width, focus: focus, unread: unread)
        return tabs.widget.tab(atColumn: column).map { tabs.panes[$0] }
    }

    private static func tabs(width: Int, focus: PaneID, unread: Int) -> (widget: TabsWidget, panes: [PaneID]) {
        let labels = labels(width: width, focus: focus, unread: unread)
        return (TabsWidget(labels: labels.map(\.1), selected: labels.firstIndex { $0.0 == focus } ?? 0), labels.map(\.0))
    }
}

/// The status line ("N of M products" and the last message) and the footer of keys.
enum StatusBarView {
    static func draw(_ state: AppState, layout: Layout, into canvas: inout Canvas) {
        let styles = state.styles
        canvas.fill(layout.status, style: styles.statusbar)
        // The product count says nothing on a form, an order or a message screen: the status gets the room.
        let message = statusText(state)
        // The count gives way to a message that needs the room (asides aside): first to "N/M", then entirely.
        let counts = state.isFormScreenOpen || state.isAfterSalesScreenOpen ? [""] : countLabels(state)
        let messageWidth = message.map { $0.isTip ? 0 : DisplayWidth.of(TextFit.withoutAsides($0.text)) } ?? 0
        let count = counts.first { messageWidth + DisplayWidth.of($0) + 2 <= layout.width } ?? ""
        let countWidth = DisplayWidth.of(count)
        canvas.putRight(count, rightEdge: layout.width, y: layout.status.y, maxWidth: countWidth, style: styles.statusbar)
        let room = layout.width - countWidth - (countWidth > 0 ? 2 : 1)
        if let message {
            let text = message.isTip ? TextFit.first([message.text, tipShort], width: room) : TextFit.message(message.text, width: room)
            canvas.put(text, x: 0, y: layout.status.y, maxWidth: room, style: message.style)
        }
        canvas.fill(layout.footer, style: styles.footer)
        var x = 1
        for binding in KeyHelp.fitting(KeyHelp.footer(for: state), width: layout.width - 1) {
            x += canvas.put(binding.keys, x: x, y: layout.footer.y, style: styles.footerKey)
            x += canvas.put(" " + binding.action + "  ", x: x, y: layout.footer.y, style: styles.footer)
        }
    }

    /// The tip in fewer columns; the tip gives way to the count, every other message takes room from it.
    static let tipShort = " Tip: brand:, cat:, price:5..20, in:stock in the search box"

    /// "8 of 317 products", then shorter forms for when a message needs the room.
    static func countLabels(_ state: AppState) -> [String] {
        let found = state.money.formatCount(state.results.total), all = state.money.formatCount(state.shop.catalogue.count)
        return ["\(found) of \(all) products ", "\(found)/\(all) ", ""]
    }

    /// What the status line says, with its style: the demo's caption, indexing, the query's
    /// problem, the correction, the last action's note, or a tip; nil for nothing.
    static func statusText(_ state: AppState) -> (text: String, style: TextStyle, isTip: Bool)? {
        let styles = state.styles
        if let caption = state.demo?.caption {
            // The demo's caption says what is happening; the step's own messages show on screen.
            return (" ▶ " + caption, styles.statusbar.adding(.bold), false)
        } else if state.isIndexing, state.status.map({ !$0.isError }) ?? true {
            let products = state.money.formatCount(state.shop.catalogue.count)
            return (" Indexing \(products) products… search is ready in a moment", styles.statusbar, false)
        } else if let problem = state.queryProblem, state.search.isEditing || state.status == nil {
            return (" " + problem, styles.error.withBackground(of: styles.statusbar), false)
        } else if let notice = state.results.correctionNotice, !state.isFormScreenOpen, state.search.isEditing || state.status == nil {
            return (" " + notice, styles.statusbar.adding(.bold), false)
        } else if let status = state.status {
            let style = status.isError ? styles.error : styles.success
            return (" " + status.text, style.withBackground(of: styles.statusbar), false)
        } else if !state.isFormScreenOpen && !state.isAfterSalesScreenOpen {
            return (" Tip: type brand:, cat:, price:5..20 or in:stock in the search box", styles.statusbar, true)
        }
        return nil
    }
}

extension TextStyle {
    /// This style on the background of `other`, for coloured text on a bar.
    func withBackground(of other: TextStyle) -> TextStyle {
        var copy = self
        copy.background = other.background
        return copy
    }
}
