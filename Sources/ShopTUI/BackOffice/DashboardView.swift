import ShopCore

/// The Dashboard: the key totals of the sales report (`SalesReport`), revenue per day as bars
/// with labelled axes, orders per day as a sparkline, and the best sellers.
enum DashboardView {
    /// Days the charts cover, ending today.
    static let days = 30

    static func draw(_ state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let report = SalesReport(state: state.shop)
        let styles = state.styles
        let bottomHeight = min(8, max(4, rect.height / 3))
        let (top, bottom) = rect.splitTop(rect.height - bottomHeight)
        let totalsWidth = min(34, max(28, top.width / 4))
        let (totalsBox, chartBox) = top.splitLeft(totalsWidth)
        drawTotals(report, state: state, in: totalsBox, into: &canvas)
        let perDay = dailyFigures(report, today: state.now.calendarDay)
        let chartInner = BackOfficeView.frame(chartBox, title: "Revenue per day, VAT incl.", focused: false, state: state, into: &canvas)
        let currency = report.revenue.currency
        BarChart(bars: perDay.map { BarChart.Bar(label($0.day), $0.revenue) }) { value in
            state.money.format(Money(minorUnits: value, currency: currency))
        }.draw(in: Rect(x: chartInner.x + 1, y: chartInner.y, width: chartInner.width - 2, height: chartInner.height),
               styles: styles, barStyle: styles.price, into: &canvas)
        let (sparkBox, topBox) = bottom.splitLeft(totalsWidth)
        let sparkInner = BackOfficeView.frame(sparkBox, title: "Orders per day", focused: false, state: state, into: &canvas)
        let orders = perDay.map { Int64($0.orders) }
        let blocks = Sparkline(orders).blocks(width: sparkInner.width - 2)
        canvas.put(blocks, x: sparkInner.x + 1, y: sparkInner.y, maxWidth: sparkInner.width - 2, style: styles.stockIn)
        let summary = ["\(blocks.count) days · max \(orders.suffix(blocks.count).max() ?? 0)/day", "today \(perDay.last?.orders ?? 0) · all \(report.ordersPlaced)"]
        for (offset, line) in summary.enumerated() where offset + 1 < sparkInner.height {
            canvas.put(line, x: sparkInner.x + 1, y: sparkInner.y + 1 + offset, maxWidth: sparkInner.width - 2, style: styles.muted)
        }
        drawTopProducts(report, state: state, in: topBox, into: &canvas)
    }

    static func drawTotals(_ report: SalesReport, state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let inner = BackOfficeView.frame(rect, title: "Totals", focused: false, state: state, into: &canvas)
        let money = state.money
        let conversion = report.conversionBasisPoints
        let lines: [(String, String)] = [
            ("Revenue", money.format(report.revenue)),
            ("  without VAT", money.format(report.revenueWithoutVAT)),
            ("  VAT", money.format(report.vat)),
            ("Paid orders", money.formatCount(report.orders)),
            ("Average basket", money.format(report.averageBasket)),
            ("Refunds", money.format(report.refunds)),
            ("Conversion", "\(conversion / 100).\(conversion % 100 < 10 ? "0" : "")\(conversion % 100) %"),
            ("Open carts", money.formatCount(report.openCarts)),
        ]
        for (offset, line) in lines.enumerated() where offset < inner.height {
            let y = inner.y + offset
            canvas.put(line.0, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: offset == 0 ? state.styles.heading : state.styles.base)
            canvas.putRight(line.1, rightEdge: inner.maxX - 1, y: y, maxWidth: inner.width - 2, style: state.styles.price)
        }
    }

    static func drawTopProducts(_ report: SalesReport, state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let inner = BackOfficeView.frame(rect, title: "Top products", focused: false, state: state, into: &canvas)
        guard !report.topProducts.isEmpty else {
            canvas.put("No paid orders yet.", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: state.styles.muted)
            return
        }
        let rows = report.topProducts.map { [$0.sku, $0.title, String($0.quantity), state.money.format($0.revenue)] }
        TableWidget(columns: [.init("SKU", width: 12), .init("Title"), .init("Units", width: 5, alignment: .right),
                              .init("Revenue", width: 11, alignment: .right)], rows: rows)
            .draw(in: inner, styles: state.styles, focused: false, into: &canvas)
    }

    /// Each of the last `days` days up to `today`, with its paid orders and their revenue (zero without).
    static func dailyFigures(_ report: SalesReport, today: CalendarDay) -> [(day: CalendarDay, orders: Int, revenue: Int64)] {
        var byDay: [CalendarDay: SalesReport.Day] = [:]
        for day in report.days { byDay[day.day] = day }
        return (0..<days).reversed().map { back in
            let day = today.adding(days: -back)
            return (day, byDay[day]?.orders ?? 0, byDay[day]?.revenue.minorUnits ?? 0)
        }
    }

    /// `30/11`: a bar's day under the axis.
    static func label(_ day: CalendarDay) -> String { "\(day.day)/\(day.month)" }
}
