import ShopCore
@testable import ShopTUI

/// A shop for the back office's tests, in memory at a fixed shop time: an owner, manual
/// fulfilment, a customer with paid orders over a few days, and a question waiting in support.
struct BackOfficeShop {
    var shop = try! AfterSalesShop()
    static let ownerEmail = "owner@example.com"

    init(orders: Int = 3) throws {
        try shop.trade(.merchant(.addStaff(email: Self.ownerEmail, name: "Olive Owner", role: .owner,
                                           passwordHash: PasswordHash(encoded: "plain$marble kestrel orchard")), staff: nil))
        try shop.trade(.merchant(.setFulfilment(.manual), staff: Self.ownerEmail))
        for index in 0..<orders {
            try shop.order(index % 2 == 0 ? [("KET-SMG-1", 1)] : [("FLT-HAR-1", 2)])
            try shop.advance(hours: 20)
        }
        if let first = shop.state.commerce.orderNumbers.first {
            try shop.trade(.openTicket(orderNumber: first, topic: .other, text: "Can you put a gift note in the parcel?", by: .local))
        }
    }

    var owner: StaffMember { shop.state.commerce.backOffice.staffMember(email: Self.ownerEmail)! }

    /// The back office logged in as the owner, on `pane`.
    func state(width: Int = 80, height: Int = 24, pane: BackOfficePane = .orders) -> BackOfficeState {
        let themes = ThemeCatalog.bundled().themes
        var state = BackOfficeState(shop: shop.state, width: width, height: height, themes: themes,
                                    themeIndex: themes.firstIndex { $0.name == "dark" } ?? 0, now: shop.now)
        state.timeZone = .utc
        state.staff = owner
        state.screens.close(.login)
        state.pane = pane
        return state
    }

    /// Carries out the effects as the runtime would, inline: the outcome answers the screen that asked.
    mutating func run(_ effects: [BackOfficeEffect], on state: inout BackOfficeState) {
        for effect in effects {
            guard case let .act(action, note, layer) = effect else { continue }
            do throws(ShopError) {
                try shop.trade(.merchant(action, staff: state.staff?.email))
                BackOfficeUpdate.answer(&state, from: layer, .commandSucceeded(events: [], state: shop.state, note: note))
            } catch {
                BackOfficeUpdate.answer(&state, from: layer, .commandFailed(error.description))
            }
        }
    }

    /// Presses `keys` one after the other, each effect carried out before the next key.
    mutating func press(_ state: inout BackOfficeState, _ keys: Key...) {
        for key in keys { run(BackOfficeUpdate.update(&state, .key(key)), on: &state) }
    }

    mutating func type(_ state: inout BackOfficeState, _ text: String) {
        for character in text { press(&state, .character(character)) }
    }
}
