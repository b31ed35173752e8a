import ShopCore

/// The Promotions pane: every code, what it gives, its conditions and whether it still runs.
enum PromotionsView {
    static func draw(_ state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let inner = BackOfficeView.frame(rect, title: "Promotions", state: state, into: &canvas)
        let promotions = state.listedPromotions
        guard !promotions.isEmpty else {
            BackOfficeView.empty("No promotion codes. a adds one.", in: inner, state: state, into: &canvas)
            return
        }
        let columns: [TableWidget.Column] = [
            .init("Code", width: 14), .init("Gives"), .init("Minimum", width: 10, alignment: .right), .init("Last day", width: 11),
            .init("Once", width: 4), .init("State", width: 8),
        ]
        let rows = promotions.map { code -> [String] in
            [code.code, benefit(code, state: state), code.minimumBasket == 0 ? "—" : state.money.format(money(code.minimumBasket, state)),
             code.lastDay == PromoCode.latestLastDay ? "no end" : code.lastDay.description, code.oncePerCustomer ? "yes" : "no",
             running(code, state: state) ? "running" : "ended"]
        }
        TableWidget(columns: columns, rows: rows, cursor: OrdersQueueView.clamped(state.cursor(.promotions), count: promotions.count))
            .draw(in: inner, styles: state.styles, focused: true, into: &canvas)
    }

    static func benefit(_ code: PromoCode, state: BackOfficeState) -> String {
        switch code.benefit {
        case let .percent(basisPoints):
            let whole = basisPoints / 100, fraction = basisPoints % 100
            return fraction == 0 ? "\(whole) % off" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction) % off"
        case let .fixed(minorUnits):
            return "\(state.money.format(money(minorUnits, state))) off"
        }
    }

    /// Not ended by staff and not past its last day.
    static func running(_ code: PromoCode, state: BackOfficeState) -> Bool {
        code.endedAt == nil && state.now.calendarDay <= code.lastDay
    }

    static func money(_ minorUnits: Int64, _ state: BackOfficeState) -> Money { Money(minorUnits: minorUnits, currency: state.shopCurrency) }
}
