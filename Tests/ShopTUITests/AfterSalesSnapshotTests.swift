import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// Golden text of the after-sales screens at 80×24 and 120×40, with a delivered order and one
/// being prepared, made in memory at a fixed shop time (tracking numbers and routes are seeded
/// by the order, so the screens are the same on every run).
@Suite struct AfterSalesSnapshotTests {
    enum Screen: String, CaseIterable {
        case ordersPane = "orders-pane"
        case orderTimeline = "order-timeline"
        case returnItems = "return-items"
        case support
        case supportTopic = "support-topic"
        case messageReader = "message-reader"
    }

    static let sizes = [(80, 24), (120, 40)]

    static func state(_ screen: Screen, width: Int, height: Int) throws -> AppState {
        var shop = try AfterSalesShop()
        let delivered = try shop.order([("KET-SMG-1", 1), ("FLT-HAR-1", 2), ("COF-LAV-1", 1)])
        try shop.deliver(delivered)
        try shop.order([("CUP-PAK-6", 2)])
        if screen == .support {
            try shop.trade(.openTicket(orderNumber: delivered, topic: nil, text: "Can I return the kettle? It is too big.", by: .local))
        }
        let mailbox = [
            AfterSalesShop.mail("m1", subject: "Order \(delivered) confirmed", read: true),
            AfterSalesShop.mail("m2", subject: "Order \(delivered) was delivered", date: shop.now,
                                body: "Hello Zoë,\n\nyour order \(delivered) was delivered today in Paris.\n\nYou may return items within 14 days: open the order in Comptoir and press r. Perishable groceries excepted.\n\nThank you for shopping at Comptoir."),
        ]
        var state = shop.appState(width: width, height: height, mailbox: mailbox)
        switch screen {
        case .ordersPane:
            Fixtures.press(&state, .character("4"))
        case .orderTimeline:
            Fixtures.press(&state, .character("4"), .down, .enter)
        case .returnItems:
            Fixtures.press(&state, .character("4"), .down, .enter, .character("r"), .down, .character("+"))
        case .support:
            Fixtures.press(&state, .character("4"), .down, .character("s"))
            Fixtures.type(&state, "Thank you")
        case .supportTopic:
            Fixtures.press(&state, .character("4"), .down, .character("s"), .character("j"))
        case .messageReader:
            Fixtures.press(&state, .character("5"), .enter)
        }
        return state
    }

    static let arguments: [(Screen, Int, Int)] = Screen.allCases.flatMap { screen in sizes.map { (screen, $0.0, $0.1) } }

    @Test(arguments: Screen.allCases)
    func theSmallestScreenAndAWideOneKeepEveryLineInside(_ screen: Screen) throws {
        for (width, height) in [(40, 12), (60, 20), (200, 60)] {
            let canvas = ShopView.render(try Self.state(screen, width: width, height: height))
            let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == height)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(screen) \(width)x\(height): \(line)") }
        }
    }

    @Test(arguments: arguments)
    func screen(_ screen: Screen, width: Int, height: Int) throws {
        let canvas = ShopView.render(try Self.state(screen, width: width, height: height))
        for line in canvas.text().split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= width, "\(screen) \(width)x\(height): \(line)")
        }
        try assertSnapshot(canvas, named: "\(screen.rawValue)-\(width)x\(height)")
    }
}
