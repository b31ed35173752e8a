import Foundation
import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// A whole purchase through the runtime with a real store in a temporary folder: the account is
/// created, the order placed with the 3-D Secure test card, and the code read from the mail the
/// shop wrote, as a customer would.
@Suite struct CheckoutSessionTests {
    static func keys(_ session: ShopSession, _ keys: Key...) {
        for key in keys { session.press(key) }
    }

    static func type(_ session: ShopSession, _ text: String) {
        session.type(text)
    }

    @Test func aPurchaseWithThreeDSecureFromRegistrationToConfirmation() throws {
        try ShopSessionTests.withSession { session, store in
            Self.keys(session, .character("a"), .character("c"))
            #expect(session.state.accountForm?.note == AccountUpdate.checkoutNote)
            Self.keys(session, .tab, .tab, .tab, .enter)
            for (text, tabs) in [("Zoé Müller", 1), ("zoe@example.fr", 1), ("quiet harbour window", 1), ("8 quai des Brotteaux", 2),
                                 ("69006", 1), ("Lyon", 1)] {
                Self.type(session, text)
                for _ in 0..<tabs { Self.keys(session, .tab) }
            }
            Self.keys(session, .enter)
            #expect(session.waitForBackgroundWork(timeout: 10), "the password is hashed off the UI thread")
            #expect(store.state.commerce.account(of: .local)?.email.value == "zoe@example.fr")
            #expect(session.state.checkout?.step == .address)
            Self.keys(session, .enter, .enter, .tab, .tab, .tab, .character(" "), .enter)
            #expect(session.state.checkout?.step == .payment)
            Self.keys(session, .tab)
            Self.type(session, "4000 0027 6000 3184")
            Self.keys(session, .tab)
            Self.type(session, "1230")
            Self.keys(session, .tab)
            Self.type(session, "123")
            Self.keys(session, .enter)
            let wizard = try #require(session.state.checkout)
            #expect(wizard.paymentScreen == .threeDSecure)
            let number = try #require(wizard.orderNumber)
            #expect(wizard.payment.text("cardNumber").isEmpty && wizard.payment.text("cvc").isEmpty)
            let message = try #require(session.state.mailbox.last { $0.kind == "3ds-code" && $0.orderNumber == number })
            #expect(session.state.customerMessages.contains(message))
            let code = try #require(message.body.firstMatch(of: /Your code: (\d{6})/)?.1)
            #expect(ShopView.render(session.state).text().contains("Your code: \(code)"))
            Self.type(session, String(code))
            Self.keys(session, .enter)
            #expect(session.state.checkout?.step == .confirmation)
            #expect(store.state.commerce.orders[number]?.isPaid == true)
            #expect(store.state.cart(of: .local).isEmpty)
            #expect(ShopView.render(session.state).text().contains("Thank you! Order \(number) is confirmed"))
            let kinds = Set(session.state.customerMessages.compactMap(\.kind))
            #expect(kinds.isSuperset(of: ["order-confirmation", "3ds-code"]))
            Self.keys(session, .enter)
            #expect(session.state.checkout == nil)
            #expect(!session.isFinished)
        }
    }

    @Test func aWrongPasswordThroughTheRuntimeKeepsTheFormOpen() throws {
        try ShopSessionTests.withSession { session, store in
            Self.keys(session, .character("l"))
            Self.type(session, "nobody@example.fr")
            Self.keys(session, .tab)
            Self.type(session, "whatever words")
            Self.keys(session, .enter)
            #expect(session.waitForBackgroundWork(timeout: 10), "the password is checked off the UI thread")
            #expect(store.state.commerce.account(of: .local) == nil)
            #expect(session.state.accountForm?.isOpen == true)
            #expect(session.state.accountForm?.login.error?.contains("Wrong email or password") == true)
            #expect(session.state.status?.isError == true)
        }
    }
}
