import ShopCore
import Testing
@testable import ShopTUI

/// The cart's free-shipping hint follows the domain's rule for standard delivery, the one checkout
/// prices the order with.
@Suite struct CartShippingHintTests {
    static func screen(_ cart: Cart) -> String {
        var state = Fixtures.state(width: 120, height: 40, cart: cart)
        update(&state, .key(.character("3")))
        return ShopView.render(state).text()
    }

    @Test func theHintIsWhatStandardDeliveryStillCharges() throws {
        var cart = Cart()
        cart.setQuantity(1, for: "FLT-HAR-1")
        let threshold = try #require(DeliveryMethod.standard.freeFrom(currency: .eur))
        #expect(threshold == Fixtures.eur(50_00))
        #expect(DeliveryMethod.standard.price(forGoods: Fixtures.eur(5_90)) == Fixtures.eur(4_90))
        #expect(Self.screen(cart).contains("€44.10 more ships free"))
    }

    @Test func fromTheThresholdTheCartSaysShippingIsFree() {
        var cart = Cart()
        cart.setQuantity(1, for: "KET-SMG-1")
        #expect(DeliveryMethod.standard.price(forGoods: Fixtures.eur(159_90)) == Fixtures.eur(0))
        #expect(Self.screen(cart).contains("✓ Free shipping"))
        #expect(DeliveryMethod.express.freeFrom(currency: .eur) == nil)
    }

    @Test func aPriceTheShopChangedSinceTheLineWasAddedIsSaid() {
        var cart = Cart()
        cart.setQuantity(1, for: "FLT-HAR-1")
        var state = Fixtures.state(width: 120, height: 40, cart: cart)
        state.shop.apply(.commerce(.backOffice(.priceSet(sku: "FLT-HAR-1", price: Fixtures.eur(6_50)))))
        update(&state, .key(.character("3")))
        let text = ShopView.render(state).text()
        #expect(text.contains("Price now €6.50 (was €5.90)"))
    }
}
