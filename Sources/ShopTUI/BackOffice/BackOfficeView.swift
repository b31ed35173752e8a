import ShopCore

/// Draws the whole back office for a state: the header, the tabs of the panes, the pane, the
/// screens open over it, the status line and the footer of keys (from the key tables).
public enum BackOfficeView {
    static let tabRow = 1

    public static func render(_ state: BackOfficeState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height, style: state.styles.base)
        draw(state, into: &canvas)
        return canvas
    }

    /// The rectangle between the tabs and the status line.
    static func body(_ state: BackOfficeState) -> Rect {
        Rect(x: 0, y: tabRow + 1, width: state.width, height: max(0, state.height - tabRow - 3))
    }

    public static func draw(_ state: BackOfficeState, into canvas: inout Canvas) {
        let styles = state.styles
        canvas.fill(canvas.bounds, style: styles.base)
        canvas.cursor = nil
        guard state.width >= Layout.minimumWidth, state.height >= Layout.minimumHeight else {
            let lines = ["Terminal too small", "\(state.width)×\(state.height), needs \(Layout.minimumWidth)×\(Layout.minimumHeight)"]
            for (offset, line) in lines.enumerated() {
                canvas.put(line, x: max(0, (state.width - DisplayWidth.of(line)) / 2), y: max(0, state.height / 2 - 1) + offset,
                           style: offset == 0 ? styles.error : styles.base)
            }
            return
        }
        drawHeader(state, into: &canvas)
        let body = body(state)
        if case let .login(form)? = state.screens.screen(on: .login) {
            BackOfficeLoginView.draw(state, form: form, in: body, into: &canvas)
        } else {
            tabs(state).draw(in: Rect(x: 0, y: tabRow, width: state.width, height: 1), styles: styles, into: &canvas)
            drawPane(state, in: body, into: &canvas)
            if case let .document(document)? = state.screens.screen(on: .document) {
                BackOfficeDocumentView.draw(state, document: document, in: body, into: &canvas)
            }
            if case let .ticket(ticket)? = state.screens.screen(on: .ticket) {
                TicketView.draw(state, ticket: ticket, in: body, into: &canvas)
            }
            if case let .form(action)? = state.screens.screen(on: .form), !action.isInPlace {
                ActionFormView.draw(state, action: action, in: body, into: &canvas)
            }
        }
        drawStatus(state, into: &canvas)
        if state.screens.contains(.help) {
            HelpOverlay.draw(BackOfficeScreenKeys.helpContents, styles: styles, into: &canvas)
        }
    }

    static func drawPane(_ state: BackOfficeState, in body: Rect, into canvas: inout Canvas) {
        switch state.pane {
        case .orders: OrdersQueueView.draw(state, in: body, into: &canvas)
        case .support: SupportInboxView.draw(state, in: body, into: &canvas)
        case .catalogue: StockTableView.draw(state, in: body, into: &canvas)
        case .promotions: PromotionsView.draw(state, in: body, into: &canvas)
        case .customers: CustomersView.draw(state, in: body, into: &canvas)
        case .dashboard: DashboardView.draw(state, in: body, into: &canvas)
        }
    }

    /// "Comptoir · Back office", who is logged in, the fulfilment mode and the shop's time.
    static func drawHeader(_ state: BackOfficeState, into canvas: inout Canvas) {
        let styles = state.styles
        canvas.fill(Rect(x: 0, y: 0, width: state.width, height: 1), style: styles.header)
        var x = canvas.put(" Comptoir ", x: 0, y: 0, style: styles.brand)
        x += canvas.put("· Back office", x: x, y: 0, style: styles.header)
        var right = DayFormat.dayAndTime(state.now, in: state.timeZone) + " "
        if let staff = state.staff {
            let fulfilment = state.shop.commerce.backOffice.fulfilment.rawValue
            let full = "\(staff.name) (\(staff.role.rawValue)) · fulfilment \(fulfilment) · " + right
            right = DisplayWidth.of(full) <= state.width - x - 2 ? full : "\(staff.name) · \(fulfilment) · " + right
        }
        canvas.putRight(right, rightEdge: state.width, y: 0, maxWidth: max(0, state.width - x - 1), style: styles.header)
    }

    /// The tab labels: full titles when they fit, else short ones; Support counts what waits.
    static func labels(_ state: BackOfficeState) -> [String] {
        let waiting = state.waitingTickets, unread = state.unreadTickets
        func count(_ pane: BackOfficePane) -> String {
            guard pane == .support else { return "" }
            if unread > 0 { return waiting > 0 ? " (\(unread) new, \(waiting) open)" : " (\(unread) new)" }
            return waiting > 0 ? " (\(waiting) open)" : ""
        }
        let full = BackOfficePane.allCases.map { " \($0.rawValue) \($0.title)\(count($0)) " }
        if full.reduce(0, { $0 + DisplayWidth.of($1) }) <= state.width { return full }
        let short = BackOfficePane.allCases.map { " \($0.rawValue) \($0.shortTitle)\(count($0)) " }
        if short.reduce(0, { $0 + DisplayWidth.of($1) }) <= state.width { return short }
        return BackOfficePane.allCases.map { $0 == state.pane ? " \($0.rawValue) \($0.shortTitle)\(count($0)) " : " \($0.rawValue) " }
    }

    static func tabs(_ state: BackOfficeState) -> TabsWidget {
        TabsWidget(labels: labels(state), selected: state.pane.rawValue - 1)
    }

    static func pane(atColumn column: Int, state: BackOfficeState) -> BackOfficePane? {
        tabs(state).tab(atColumn: column).flatMap { BackOfficePane(rawValue: $0 + 1) }
    }

    static func drawStatus(_ state: BackOfficeState, into canvas: inout Canvas) {
        let styles = state.styles
        let statusRow = Rect(x: 0, y: state.height - 2, width: state.width, height: 1)
        let footerRow = Rect(x: 0, y: state.height - 1, width: state.width, height: 1)
        canvas.fill(statusRow, style: styles.statusbar)
        if state.screens.contains(.confirmQuit) {
            canvas.put(" Quit and lose what you typed? y/n", x: 0, y: statusRow.y, maxWidth: state.width, style: styles.error.withBackground(of: styles.statusbar))
        } else if let status = state.status {
            let style = status.isError ? styles.error : styles.success
            canvas.put(" " + status.text, x: 0, y: statusRow.y, maxWidth: state.width - 1, style: style.withBackground(of: styles.statusbar))
        }
        canvas.fill(footerRow, style: styles.footer)
        var x = 1
        for binding in KeyHelp.fitting(BackOfficeUpdate.footer(state), width: state.width - 1) {
            x += canvas.put(binding.keys, x: x, y: footerRow.y, style: styles.footerKey)
            x += canvas.put(" " + binding.action + "  ", x: x, y: footerRow.y, style: styles.footer)
        }
    }

    /// A framed box over `rect`, titled; the inner rectangle.
    static func frame(_ rect: Rect, title: String, focused: Bool = true, state: BackOfficeState, into canvas: inout Canvas) -> Rect {
        let styles = state.styles
        canvas.fill(rect, style: styles.base)
        canvas.box(rect, title: title, style: focused ? styles.borderFocus : styles.border, titleStyle: focused ? styles.titleFocus : styles.title)
        return rect.inner
    }

    /// A message in the middle of an empty list.
    static func empty(_ text: String, in rect: Rect, state: BackOfficeState, into canvas: inout Canvas) {
        guard rect.height > 0 else { return }
        for (offset, line) in TextWrap.lines(text, width: max(10, rect.width - 4)).enumerated() where offset < rect.height {
            canvas.put(line, x: rect.x + 2, y: rect.y + rect.height / 2 + offset, maxWidth: rect.width - 4, style: state.styles.muted)
        }
    }

    static func time(_ instant: ShopInstant, _ state: BackOfficeState) -> String {
        DayFormat.dayAndTime(instant, in: state.timeZone)
    }

    /// `5 Dec 09:05`: a time in a narrow column.
    static func shortTime(_ instant: ShopInstant, _ state: BackOfficeState) -> String {
        let day = state.timeZone.day(of: instant)
        return "\(day.day) \(DayFormat.months[day.month - 1]) \(DayFormat.time(instant, in: state.timeZone))"
    }
}
