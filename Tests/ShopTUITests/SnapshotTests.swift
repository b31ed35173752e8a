import Foundation
import ShopCore
import Testing
@testable import ShopTUI

/// Golden text of the screen for each pane at each layout size. Set COMPTOIR_RECORD_SNAPSHOTS=1
/// to write the files again after an intended change, then read the diff before committing.
@Suite struct SnapshotTests {
    static let sizes: [(Int, Int)] = [(40, 12), (80, 24), (120, 40), (200, 60)]

    enum Screen: String, CaseIterable {
        case catalogue, search, filters, detail, cart, orders, messages, help
    }

    static func state(_ screen: Screen, width: Int, height: Int) -> AppState {
        var cart = Cart()
        cart.setQuantity(2, for: "COF-LAV-1")
        cart.setQuantity(1, for: "TEA-MAT-1")
        var state = Fixtures.state(width: width, height: height, cart: screen == .cart ? cart : Cart())
        switch screen {
        case .catalogue:
            Fixtures.press(&state, .down)
        case .search:
            Fixtures.press(&state, .character("/"))
            Fixtures.type(&state, "coffee")
        case .filters:
            Fixtures.press(&state, .character("2"), .down, .enter, .down)
        case .detail:
            Fixtures.press(&state, .enter)
        case .cart:
            Fixtures.press(&state, .character("3"), .down)
        case .orders:
            Fixtures.press(&state, .character("4"))
        case .messages:
            Fixtures.press(&state, .character("5"))
        case .help:
            Fixtures.press(&state, .character("?"))
        }
        return state
    }

    static let arguments: [(Screen, Int, Int)] = Screen.allCases.flatMap { screen in sizes.map { (screen, $0.0, $0.1) } }

    @Test(arguments: arguments)
    func screen(_ screen: Screen, width: Int, height: Int) throws {
        let canvas = ShopView.render(Self.state(screen, width: width, height: height))
        try assertSnapshot(canvas, named: "\(screen.rawValue)-\(width)x\(height)")
    }

    @Test func tooSmall() throws {
        let canvas = ShopView.render(Fixtures.state(width: 36, height: 10))
        try assertSnapshot(canvas, named: "too-small-36x10")
    }

    @Test func everyLineFitsTheWidthAndTheCursorSitsOnTheSelection() {
        for (screen, width, height) in Self.arguments {
            let canvas = ShopView.render(Self.state(screen, width: width, height: height))
            for line in canvas.text().split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(screen) \(width)x\(height): \(line)")
            }
            if screen == .catalogue, let cursor = canvas.cursor {
                #expect(canvas[cursor.x, cursor.y].grapheme == "›")
            }
        }
    }

    @Test func monoShowsTheSelectionWithAMarkerAndReverseVideo() {
        let state = Fixtures.state(width: 80, height: 24, theme: "mono", depth: .none)
        let canvas = ShopView.render(state)
        let cursor = try? #require(canvas.cursor)
        #expect(cursor != nil)
        if let cursor {
            #expect(canvas[cursor.x, cursor.y].grapheme == "›")
            #expect(canvas[cursor.x + 3, cursor.y].style.attributes.contains(.reverse))
            #expect(!canvas[cursor.x + 3, cursor.y + 1].style.attributes.contains(.reverse))
        }
    }
}
