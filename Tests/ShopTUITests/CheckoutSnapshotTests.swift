import Foundation
import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// Golden text of every account and checkout screen at 80×24 and 120×40. Set
/// COMPTOIR_RECORD_SNAPSHOTS=1 to write them again, then read them before committing.
@Suite struct CheckoutSnapshotTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40)]

    enum Screen: String, CaseIterable {
        case login = "form-login"
        case loginRefused = "form-login-refused"
        case register = "form-register"
        case registerErrors = "form-register-errors"
        case address = "checkout-address"
        case delivery = "checkout-delivery"
        case deliveryRelay = "checkout-delivery-relay"
        case review = "checkout-review"
        case reviewRefused = "checkout-review-terms"
        case payment = "checkout-payment"
        case declined = "checkout-declined"
        case threeDSecure = "checkout-3ds"
        case wallet = "checkout-wallet"
        case cash = "checkout-cash"
        case confirmation = "checkout-confirmation"
    }

    static func state(_ screen: Screen, width: Int, height: Int) -> AppState {
        var harness = ShopHarness(width: width, height: height, cart: [("COF-LAV-1", 2), ("TEA-MAT-1", 1)])
        switch screen {
        case .login, .loginRefused, .register, .registerErrors:
            harness.press(.character("l"), .character("l"))
            if screen == .loginRefused {
                harness.type("alice@example.fr")
                harness.press(.tab)
                harness.type("wrong words")
                harness.press(.enter)
            } else if screen == .register || screen == .registerErrors {
                harness.press(.tab, .tab, .tab, .enter)
                harness.type("Bob")
                harness.press(.tab)
                harness.type("bob@example")
                harness.press(.tab)
                harness.type("hunter2")
                if screen == .registerErrors { harness.press(.enter) }
            }
        case .address:
            harness.press(.character("c"))
        case .delivery:
            harness.press(.character("c"), .enter, .down)
        case .deliveryRelay:
            // Relay delivery, then down into the relay points to the second nearest.
            harness.press(.character("c"), .enter, .down, .down, .down, .character("j"))
        case .review, .reviewRefused:
            harness.press(.character("c"), .enter, .enter, .tab, .character(" "))
            if screen == .reviewRefused { harness.press(.enter) }
        case .payment:
            harness.goToPayment()
            harness.press(.tab)
            harness.type("42424242")
        case .declined:
            harness.goToPayment()
            harness.payByCard(CheckoutWizardTests.declined)
        case .threeDSecure:
            harness.goToPayment()
            harness.payByCard(CheckoutWizardTests.threeDSecure)
            let order = harness.order!
            harness.state.mailbox = [MailboxEntry(
                key: "1", flags: "", subject: "Your bank's code for order \(order.number)", date: harness.state.now,
                from: "Comptoir <shop@comptoir.example>", to: "Alice Martin <alice@example.fr>", kind: "3ds-code",
                orderNumber: order.number, messageID: nil,
                body: "Your bank asks you to confirm a payment.\n\nYour code: \(harness.bankCode ?? "")\n\nIt is valid for 5 minutes.")]
        case .wallet:
            harness.goToPayment()
            harness.press(.down, .enter)
        case .cash:
            harness.goToPayment()
            harness.press(.down, .down, .enter)
        case .confirmation:
            harness.goToPayment()
            harness.payByCard(CheckoutWizardTests.success)
        }
        return harness.state
    }

    static let arguments: [(Screen, Int, Int)] = Screen.allCases.flatMap { screen in sizes.map { (screen, $0.0, $0.1) } }

    @Test(arguments: arguments)
    func screen(_ screen: Screen, width: Int, height: Int) throws {
        let canvas = ShopView.render(Self.state(screen, width: width, height: height))
        try assertSnapshot(canvas, named: "\(screen.rawValue)-\(width)x\(height)")
    }

    @Test func everyLineFitsAndTheCursorSitsInTheFocusedField() {
        for (screen, width, height) in Self.arguments {
            let state = Self.state(screen, width: width, height: height)
            let canvas = ShopView.render(state)
            for line in canvas.text().split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width, "\(screen) \(width)x\(height): \(line)")
            }
            if state.isTypingInForm {
                #expect(canvas.cursor != nil, "\(screen)")
            }
        }
    }

    @Test func theCursorIsAfterTheTypedTextOfTheFocusedField() throws {
        let state = Self.state(.payment, width: 80, height: 24)
        let canvas = ShopView.render(state)
        let cursor = try #require(canvas.cursor)
        let row = canvas.text().split(separator: "\n", omittingEmptySubsequences: false)[cursor.y]
        #expect(row.contains("Card number"))
        #expect(canvas[cursor.x - 1, cursor.y].grapheme == "2")
        #expect(canvas[cursor.x - 2, cursor.y].grapheme == "4")
    }

    @Test func noCardNumberOrCodeStaysOnScreenAfterSubmitting() {
        for screen in [Screen.declined, .threeDSecure, .confirmation] {
            let text = ShopView.render(Self.state(screen, width: 120, height: 40)).text()
            #expect(!text.contains("0000 0000 0002") && !text.contains("2760 0031") && !text.contains("4242 4242 4242"), "\(screen)")
        }
    }
}
