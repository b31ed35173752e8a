import ShopCore
import Testing
@testable import ShopTUI

/// Each pane and screen of the back office at 80×24 (and the dashboard at 200×60), as golden text
/// and styles: what a member of staff sees.
@Suite struct BackOfficeSnapshotTests {
    @Test(arguments: BackOfficePane.allCases)
    func eachPaneAt80x24(_ pane: BackOfficePane) throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: pane)
        if pane == .orders { office.press(&state, .right, .right, .right, .right) }
        try assertSnapshot(BackOfficeView.render(state), named: "backoffice-\(Self.name(pane))-80x24")
    }

    @Test func theDashboardAt200x60() throws {
        let office = try BackOfficeShop(orders: 6)
        try assertSnapshot(BackOfficeView.render(office.state(width: 200, height: 60, pane: .dashboard)), named: "backoffice-dashboard-200x60")
    }

    @Test func theLoginScreenWithTheShopsRefusal() throws {
        let office = try BackOfficeShop()
        var state = office.state()
        state.staff = nil
        var form = BackOfficeState.loginForm(email: "zoe@example.fr")
        form.error = "'zoe@example.fr' is a customer account, not staff: the back office is for the shop's staff"
        state.screens.open(.login(form))
        try assertSnapshot(BackOfficeView.render(state), named: "backoffice-login-80x24")
    }

    @Test func aThreadWithAReplyBeingTyped() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .support)
        office.press(&state, .enter, .character("r"))
        office.type(&state, "Yes, a note will be in the parcel.")
        try assertSnapshot(BackOfficeView.render(state), named: "backoffice-thread-80x24")
    }

    @Test func theShipFormOverTheOrders() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        office.press(&state, .character("s"))
        try assertSnapshot(BackOfficeView.render(state), named: "backoffice-ship-80x24")
    }

    @Test func thePriceTypedInPlaceWithWhatWasWrong() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .catalogue)
        office.press(&state, .down, .character("p"), .deleteToStart)
        office.type(&state, "12,5x")
        office.press(&state, .enter)
        try assertSnapshot(BackOfficeView.render(state), named: "backoffice-price-in-place-80x24")
    }

    @Test func theHelpAt80x24() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        office.press(&state, .character("?"))
        try assertSnapshot(BackOfficeView.render(state), named: "backoffice-help-80x24")
    }

    static func name(_ pane: BackOfficePane) -> String {
        switch pane {
        case .orders: return "orders"
        case .support: return "support"
        case .catalogue: return "catalogue"
        case .promotions: return "promotions"
        case .customers: return "customers"
        case .dashboard: return "dashboard"
        }
    }
}
