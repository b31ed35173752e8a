import ShopCore
import Testing
@testable import ShopTUI

/// `c` on an order placed and not paid opens the Payment step for that order, wherever its
/// payment stands, even when the wizard that placed it is gone (a restart).
@Suite struct UnpaidOrderTests {
    /// A declined first payment, then the wizard forgotten as after a restart.
    static func declinedOrder() -> (ShopHarness, String) {
        var harness = ShopHarness()
        harness.goToPayment()
        harness.payByCard(CheckoutWizardTests.declined)
        let number = harness.wizard.orderNumber!
        harness.state.checkout = nil
        return (harness, number)
    }

    @Test func cOnAnUnpaidOrderInOrdersPaysThatOrder() throws {
        var (harness, number) = Self.declinedOrder()
        harness.press(.character("4"))
        #expect(harness.screen.contains("Not paid yet") == false, "the pane shows rows, not the order screen")
        harness.press(.enter)
        #expect(harness.screen.contains("Not paid yet: c pays it"))
        harness.press(.character("c"))
        #expect(harness.wizard.step == .payment)
        #expect(harness.wizard.orderNumber == number)
        #expect(harness.wizard.paymentScreen == .choose)
        #expect(harness.screen.contains("Order \(number) is placed and not paid yet"))
        harness.payByCard(CheckoutWizardTests.success)
        #expect(harness.wizard.step == .confirmation)
        #expect(harness.state.shop.commerce.orders[number]?.isPaid == true)
        #expect(harness.state.shop.commerce.orderNumbers.count == 1, "paid again, not placed again")
        harness.press(.enter)
        #expect(harness.state.checkout == nil)
        #expect(!harness.screen.contains("Not paid yet"), "the order screen shows it paid")
    }

    @Test func aCodeStillAwaitedOpensThreeDSecureAndAnEmptyCartWithAPaidOrderSaysSo() throws {
        var harness = ShopHarness()
        harness.goToPayment()
        harness.payByCard(CheckoutWizardTests.threeDSecure)
        let number = try #require(harness.wizard.orderNumber)
        harness.state.checkout = nil
        harness.press(.character("4"), .enter, .character("c"))
        #expect(harness.wizard.paymentScreen == .threeDSecure)
        harness.type(try #require(harness.bankCode))
        harness.press(.enter)
        #expect(harness.wizard.step == .confirmation)
        harness.press(.enter)
        harness.press(.character("c"))
        #expect(harness.state.checkout == nil, "a paid order is not paid again")
        #expect(harness.state.status == StatusMessage("The cart is empty: add products with a first", isError: true))
        #expect(harness.state.shop.commerce.orders[number]?.isPaid == true)
    }
}

/// The status line across the wizard's steps.
@Suite struct CheckoutStatusLineTests {
    @Test func aNewStepClearsAnOldNoteButKeepsAnError() {
        var harness = ShopHarness()
        harness.state.status = StatusMessage("Account created for alice@example.fr: you are logged in")
        harness.press(.character("c"))
        #expect(harness.wizard.step == .address)
        harness.press(.enter)
        #expect(harness.wizard.step == .delivery)
        #expect(harness.state.status == nil)
        harness.state.status = StatusMessage("That went wrong", isError: true)
        harness.press(.enter)
        #expect(harness.wizard.step == .review)
        #expect(harness.state.status == StatusMessage("That went wrong", isError: true))
        harness.state.status = StatusMessage("Still on this step")
        harness.press(.tab)
        #expect(harness.state.status == StatusMessage("Still on this step"), "moving between fields keeps the line")
    }
}
