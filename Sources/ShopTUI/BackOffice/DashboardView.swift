import ShopCore

/// The Dashboard: the key totals of the sales report (`SalesReport`), revenue per day as bars
/// with labelled axes, orders per day as a sparkline, and the best sellers.
enum DashboardView {
    /// Days the charts cover, ending today.
    static let days = 30

    /// From this many rows the orders per day get bars of their own too.
    static let tallHeight = 36

    static func draw(_ state: BackOfficeState, in rect: Rect, into canvas: inout Canvas) {
        let report = state.salesReport
        let perDay = dailyFigures(report, today: state.now.calendarDay)
        let tall = rect.height >= tallHeight
        let bottomHeight = tall ? 9 : min(8, max(4, rect.height / 3))
        let (charts, bottom) = rect.splitTop(rect.height - bottomHeight)
        let totalsWidth = min(34, max(28, rect.width / 6))
        let (revenueRow, ordersRow) = tall ? charts.splitTop(charts.height * 3 / 5) : (charts, Rect(x: 0, y: charts.maxY, width: 0, height: 0))
        let (totalsBox, revenueBox) = revenueRow.splitLeft(totalsWidth)
        drawTotals(report, state: state, in: totalsBox, into: &canvas)
        drawRevenue(perDay, currency: report.revenue.currency, state: state, in: revenueBox, into: &canvas)
        if tall {
            let (sparkBox, ordersBox) = ordersRow.splitLeft(totalsWidth)
            drawSparkline(perDay, report: report, state: state, in: sparkBox, into: &canvas)
            let inner = BackOfficeView.frame(ordersBox, title: "Orders per day", focused: false, state: state, into: &canvas)
            BarChart(bars: perDay.map { BarChart.Bar(label($0.day), Int64($0.orders)) })
                .draw(in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height), styles: state.styles,
                      barStyle: state.styles.stockIn, into: &canvas)
            drawTopProducts(report, state: state, in: bottom, into: &canvas)
        } else {
            let (sparkBox, topBox) = bottom.splitLeft(totalsWidth)
            drawSparkline(perDay, report: report, state: state, in: sparkBox, into: &canvas)
            drawTopProducts(report, state: state, in: topBox, into: &canvas)
        }
    }

    static func drawRevenue(_ perDay: [(day: CalendarDay, orders: Int, revenue: Int64)], currency: Currency, state: BackOfficeState,
                            in rect: Rect, into canvas: inout Canvas) {
        let inner = BackOfficeView.frame(rect, title: "Revenue per day, VAT incl.", focused: false, state: state, into: &canvas)
        BarChart(bars: perDay.map { BarChart.Bar(label($0.day), $0.revenue) }) { value in
            state.money.format(Money(minorUnits: value, currency: currency))
        }.draw(in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height), styles: state.styles,
               barStyle: state.styles.price, into: &canvas)
    }

    /// Orders per day in one row of blocks, with the largest and today's count.
    static func drawSparkline(_ perDay: [(day: CalendarDay, orders: Int, revenue: Int64)], report: SalesReport, state: BackOfficeState,
                              in rect: Rect, into canvas: inout Canvas) {
        let inner = BackOfficeView.frame(rect, title: "Orders per day", focused: false, state: state, into: &canvas)
        let orders = perDay.map { Int64($0.orders) }
        let blocks = Sparkline(orders).blocks(width: inner.width - 2)
        canvas.put(blocks, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: state.styles.stockIn)
        let summary = ["\(blocks.count) days · max \(orders.suffix(blocks.count).max() ?? 0)/day",
                       "today \(perDay.last?.orders ?? 0) · all \(report.ordersPlaced)"]
        for (offset, line) in summary.enumerated() where offset + 1 < inner.height {
            canvas.put(line, x: inner.x + 1, y: inner.y + 1 + offset, maxWidth: inner.width - 2, style: state.styles.muted)
        }
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
