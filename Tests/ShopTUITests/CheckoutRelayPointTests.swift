import ShopCore
import Testing
@testable import ShopTUI

/// On the Delivery step, relay delivery lists the relay points nearest the address; the customer
/// picks one with the keys and the order goes there, shown on the order screen.
@Suite struct CheckoutRelayPointTests {
    @Test func relayDeliveryListsTheNearestPointsAndTheChosenOneIsTheOrders() throws {
        var harness = ShopHarness()
        harness.press(.character("c"), .enter)
        #expect(!harness.screen.contains("Relais Popincourt"))
        harness.press(.down, .down)
        #expect(harness.wizard.deliveryMethod == .relay)
        let nearby = RelayPoint.nearest(to: "75011", count: RelayPoint.choices)
        let screen = harness.screen
        #expect(screen.contains("Relay points near 75011, nearest first"))
        for (rank, point) in nearby.enumerated() {
            #expect(screen.contains("\(rank + 1). \(point.name)"), "\(point.name)")
            #expect(screen.contains(point.openingHours), "\(point.openingHours)")
        }
        // The nearest is chosen until the customer moves down into the list.
        #expect(harness.wizard.relayPoint == nearby[0])
        #expect(screen.contains("Collect at: Relais Popincourt, 71 rue de la Folie-Méricourt,"))
        harness.press(.down, .character("j"), .character("j"), .character("k"))
        #expect(harness.wizard.relayPoint == nearby[1])
        #expect(harness.screen.contains("Collect at: \(nearby[1].name), \(nearby[1].street)"))
        // Up past the first point goes back to the methods, keeping the point chosen.
        harness.press(.up, .up)
        #expect(harness.wizard.delivery.focusedID == "method")
        #expect(harness.wizard.relayPoint == nearby[0] || harness.wizard.relayPoint == nearby[1])
        harness.press(.tab, .character("j"))
        #expect(harness.wizard.relayPoint == nearby[1])
        // Another method hides the list; back to relay shows it with the choice kept.
        harness.press(.backTab, .character("k"))
        #expect(harness.wizard.deliveryMethod == .express)
        #expect(!harness.screen.contains(nearby[1].name))
        harness.press(.character("j"))
        #expect(harness.wizard.relayPoint == nearby[1])

        harness.press(.enter, .tab, .tab, .tab, .character(" "), .enter)
        let order = try #require(harness.order)
        #expect(order.delivery == .relay)
        #expect(order.relayPoint == nearby[1])
        harness.payByCard(CheckoutWizardTests.success)
        #expect(harness.wizard.step == .confirmation)
        #expect(harness.screen.contains("Collect at \(nearby[1].name), \(nearby[1].street)"))
        harness.press(.enter, .character("4"), .enter)
        #expect(harness.screen.contains("Pickup at a relay point at \(nearby[1].name)"))
        #expect(harness.screen.contains("Collect at \(nearby[1].name)"))
    }

    @Test func anotherPostalCodeOffersItsOwnPoints() {
        var harness = ShopHarness()
        harness.press(.character("c"), .tab, .tab, .tab)
        harness.press(.end, .backspace, .backspace, .backspace, .backspace, .backspace)
        harness.type("69002")
        harness.press(.tab)
        harness.press(.end, .backspace, .backspace, .backspace, .backspace, .backspace)
        harness.type("Lyon")
        harness.press(.enter, .down, .down)
        #expect(harness.wizard.step == .delivery)
        #expect(harness.wizard.relayPoint?.id == "RP-69002")
        #expect(harness.screen.contains("Relay points near 69002"))
    }
}
