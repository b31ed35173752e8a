import ShopCore
import Testing
@testable import ShopTUI

/// The reusable widgets on their own: what they draw, where a click lands, how they clip.
@Suite struct WidgetTests {
    static let styles = ThemeStyles(theme: ThemeCatalog.bundled().themes.first { $0.name == "dark" }!, depth: .indexed256)

    static func canvas(_ width: Int, _ height: Int, _ draw: (inout Canvas) -> Void) -> Canvas {
        var canvas = Canvas(width: width, height: height, style: styles.base)
        draw(&canvas)
        return canvas
    }

    @Test func aBarChartLabelsItsAxesAndScalesItsBarsToTheLargest() {
        let chart = BarChart(bars: [.init("Mo", 40), .init("Tu", 80), .init("We", 0), .init("Th", 20)])
        let canvas = Self.canvas(24, 6) { chart.draw(in: Rect(x: 0, y: 0, width: 24, height: 6), styles: Self.styles, barStyle: Self.styles.price, into: &$0) }
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("80 ┤"))
        #expect(lines[4].hasPrefix(" 0 ┼───"))
        #expect(lines[5].contains("Mo") && lines[5].contains("Th"))
        // Tuesday fills the four rows of the plot, Monday two, Wednesday none.
        let tuesday = lines[0...3].map { Array($0) }.filter { $0.count > 10 && $0[10] == "█" }.count
        let monday = lines[0...3].map { Array($0) }.filter { $0.count > 5 && $0[5] == "█" }.count
        #expect(tuesday == 4)
        #expect(monday == 2)
        #expect(canvas[5, 3].style == Self.styles.price)
    }

    @Test func aBarChartTooNarrowForEveryBarShowsTheNewest() {
        let bars = (1...30).map { BarChart.Bar(String($0), Int64($0)) }
        let canvas = Self.canvas(20, 6) { BarChart(bars: bars).draw(in: Rect(x: 0, y: 0, width: 20, height: 6), styles: Self.styles, barStyle: Self.styles.price, into: &$0) }
        let labels = canvas.text().split(separator: "\n").last.map(String.init) ?? ""
        #expect(labels.contains("30"))
        #expect(!labels.contains(" 1 "))
    }

    @Test func aSparklineSpansItsSmallestToItsLargestValue() {
        #expect(Sparkline([1, 5, 9]).blocks(width: 10) == "▁▄█")
        #expect(Sparkline([3, 3]).blocks(width: 10) == "▁▁")
        #expect(Sparkline([1, 2, 3, 4]).blocks(width: 2) == "▁█", "only the newest values that fit")
        let canvas = Self.canvas(40, 1) { Sparkline([2, 4, 8]).draw(label: "orders", in: Rect(x: 0, y: 0, width: 40, height: 1), styles: Self.styles, lineStyle: Self.styles.success, into: &$0) }
        #expect(canvas.text() == "orders ▁▃█  max 8 · min 2")
    }

    @Test func aTableAlignsNumbersRightAndMarksTheSelection() {
        let table = TableWidget(columns: [.init("Order"), .init("Total", width: 8, alignment: .right)],
                                rows: [["C-1", "12.50"], ["C-2", "7.00"]], cursor: ListCursor(selected: 1))
        let canvas = Self.canvas(24, 3) { table.draw(in: Rect(x: 0, y: 0, width: 24, height: 3), styles: Self.styles, focused: true, into: &$0) }
        #expect(canvas.text() == " Order             Total\n C-1               12.50\n›C-2                7.00")
        #expect(canvas.cursor?.y == 2)
    }

    @Test func aListScrollsWhenDrawnSoTheSelectionShows() {
        let list = ListWidget(count: 10, cursor: ListCursor(selected: 8, top: 0))
        #expect(list.top(height: 3) == 6)
        #expect(ListWidget(count: 10, cursor: ListCursor(selected: 2, top: 9)).top(height: 3) == 2)
        let canvas = Self.canvas(6, 3) { canvas in
            list.draw(in: Rect(x: 0, y: 0, width: 6, height: 3), styles: Self.styles, focused: false, into: &canvas) { index, width, canvas, y in
                canvas.put(" row\(index)", x: 0, y: y, maxWidth: width, style: Self.styles.base)
            }
        }
        #expect(canvas.text() == " row6\n row7\n›row8")
    }

    @Test func tabsKnowWhichTabAClickFellOn() {
        let tabs = TabsWidget(labels: [" 1 One ", " 2 ", " 3 "], selected: 0)
        #expect(tabs.tab(atColumn: 0) == 0)
        #expect(tabs.tab(atColumn: 7) == 1)
        #expect(tabs.tab(atColumn: 10) == 2)
        #expect(tabs.tab(atColumn: 13) == nil)
    }

    /// A dashboard made of the widgets at 80×24, kept as golden text and styles: what the back
    /// office's first screen builds on.
    @Test func aDashboardOfWidgets() throws {
        let days = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"]
        let revenue: [Int64] = [12_000, 8_450, 15_990, 0, 4_200, 22_900, 18_000, 9_990, 11_500, 30_100, 14_800, 7_200, 16_400, 25_000]
        let money = MoneyFormatter(locale: .enUS)
        let canvas = Self.canvas(80, 24) { canvas in
            let tabs = TabsWidget(labels: [" 1 Orders ", " 2 Support ", " 3 Catalogue ", " 4 Dashboard "], selected: 3)
            tabs.draw(in: Rect(x: 0, y: 0, width: 80, height: 1), styles: Self.styles, into: &canvas)
            let frame = Rect(x: 0, y: 1, width: 80, height: 14)
            canvas.box(frame, title: "Revenue per day", style: Self.styles.border, titleStyle: Self.styles.title)
            let chart = BarChart(bars: zip(days, revenue).map { BarChart.Bar($0, $1) }) { money.format(Money(minorUnits: $0, currency: .eur)) }
            chart.draw(in: frame.inner, styles: Self.styles, barStyle: Self.styles.price, into: &canvas)
            Sparkline([3, 2, 5, 1, 4, 8, 6, 3, 4, 9, 5, 2, 6, 7]).draw(label: "Orders", in: Rect(x: 1, y: 15, width: 78, height: 1),
                                                                        styles: Self.styles, lineStyle: Self.styles.success, into: &canvas)
            let table = TableWidget(columns: [.init("Product"), .init("Sold", width: 6, alignment: .right), .init("Revenue", width: 12, alignment: .right)],
                                    rows: [["Lavazza Qualità Oro 1 kg", "14", "€208.60"], ["抹茶 Matcha 宇治 Uji 30 g", "6", "€147.00"]],
                                    cursor: ListCursor(selected: 0))
            table.draw(in: Rect(x: 0, y: 17, width: 80, height: 4), styles: Self.styles, focused: true, into: &canvas)
        }
        try assertSnapshot(canvas, named: "widgets-dashboard-80x24")
    }
}
