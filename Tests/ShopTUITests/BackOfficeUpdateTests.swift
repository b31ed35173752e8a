import ShopCore
import Testing
@testable import ShopTUI

/// The back office's `update`: keys through the key tables, forms that read into merchant actions,
/// outcomes that come back to the screen that asked, and the shop changing under the screen.
@Suite struct BackOfficeUpdateTests {
    // MARK: Login

    @Test func theLoginFormAsksForWhatIsMissingWithoutAskingTheShop() throws {
        let office = try BackOfficeShop()
        var state = office.state()
        state.staff = nil
        state.screens.open(.login(BackOfficeState.loginForm(email: "")))
        let effects = BackOfficeUpdate.update(&state, .key(.enter))
        #expect(effects.isEmpty)
        guard case let .login(form)? = state.screens.top else { Issue.record("the login form closed"); return }
        #expect(form.item("email")?.error == "Type the email address of your staff account")
        #expect(form.item("password")?.error == "Type your password")
    }

    @Test func keysTypeIntoTheLoginFormAndEnterAsksTheShop() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        state.staff = nil
        state.screens.open(.login(BackOfficeState.loginForm(email: "")))
        office.type(&state, "owner@example.com")
        office.press(&state, .tab)
        office.type(&state, "q2")
        #expect(state.pane == .orders, "digits type into the form, they do not switch panes")
        let effects = BackOfficeUpdate.update(&state, .key(.enter))
        #expect(effects == [.logIn(email: "owner@example.com", password: "q2")])
        #expect(state.status?.text == "Logging in…")
    }

    @Test func aRefusedLoginStaysOnTheFormWithTheShopsReasonAndAnEmptyPassword() throws {
        let office = try BackOfficeShop()
        var state = office.state()
        state.staff = nil
        state.screens.open(.login(BackOfficeState.loginForm(email: "zoe@example.fr")))
        _ = BackOfficeUpdate.logIn(&state, email: "zoe@example.fr", password: "secret")
        BackOfficeUpdate.answer(&state, from: .login, .commandFailed("'zoe@example.fr' is a customer account, not staff"))
        guard case let .login(form)? = state.screens.top else { Issue.record("the login form closed"); return }
        #expect(form.error == "'zoe@example.fr' is a customer account, not staff")
        #expect(form.text("password").isEmpty)
        #expect(form.focusedID == "password")
        #expect(state.staff == nil)
    }

    @Test func aSuccessfulLoginClosesTheFormAndNamesWhoActs() throws {
        let office = try BackOfficeShop()
        var state = office.state()
        state.staff = nil
        state.screens.open(.login(BackOfficeState.loginForm(email: "")))
        _ = BackOfficeUpdate.logIn(&state, email: "Owner@Example.com", password: "marble kestrel orchard")
        BackOfficeUpdate.answer(&state, from: .login, .commandSucceeded(events: [], state: office.shop.state, note: "Logged in"))
        #expect(state.staff?.email == BackOfficeShop.ownerEmail)
        #expect(state.screens.isEmpty)
        #expect(state.status?.text == "Logged in as Olive Owner (owner)")
    }

    @Test func threadsThereAtLoginAreNotNewButAQuestionThatComesLaterIs() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        state.staff = nil
        state.screens.open(.login(BackOfficeState.loginForm(email: "")))
        _ = BackOfficeUpdate.logIn(&state, email: BackOfficeShop.ownerEmail, password: "marble kestrel orchard")
        BackOfficeUpdate.answer(&state, from: .login, .commandSucceeded(events: [], state: office.shop.state, note: "Logged in"))
        #expect(state.unreadTickets == 0 && state.waitingTickets == 1)
        #expect(BackOfficeView.labels(state)[1] == " 2 Support (1 open) ")
        let number = try #require(office.shop.state.commerce.orderNumbers.last)
        try office.shop.trade(.openTicket(orderNumber: number, topic: .delivery, text: "When does it leave?", by: .local))
        _ = BackOfficeUpdate.update(&state, .shopChanged(office.shop.state, catalogueChanged: false))
        #expect(state.unreadTickets == 1, "answered automatically, it is still new to staff")
        #expect(BackOfficeView.labels(state)[1].hasPrefix(" 2 Support (1 new"))
    }

    // MARK: Panes and keys

    @Test func tabAndDigitsSwitchPanesAndArrowsTheOrderQueue() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        office.press(&state, .tab)
        #expect(state.pane == .support)
        office.press(&state, .backTab, .backTab)
        #expect(state.pane == .dashboard)
        office.press(&state, .character("1"))
        #expect(state.listedOrders.count == 3)
        office.press(&state, .right)
        #expect(state.orderFilter == .shipped)
        #expect(state.listedOrders.isEmpty)
        office.press(&state, .right, .right, .right, .right)
        #expect(state.orderFilter == .all, "the last queue stays")
        office.press(&state, .character("j"), .character("j"), .character("j"), .character("j"))
        #expect(state.selectedOrder?.number == state.listedOrders.last?.number)
    }

    @Test func aClickOnATabOpensItsPaneAndAResizeKeepsTheFormBeingTyped() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        let labels = BackOfficeView.labels(state)
        let column = labels.prefix(4).reduce(0) { $0 + DisplayWidth.of($1) } + 2
        _ = BackOfficeUpdate.update(&state, .mouse(MouseEvent(.click, x: column, y: BackOfficeView.tabRow)))
        #expect(state.pane == .customers)
        _ = BackOfficeUpdate.update(&state, .mouse(MouseEvent(.click, x: 1, y: 10)))
        #expect(state.pane == .customers, "a click off the tabs changes no pane")
        office.press(&state, .character("4"), .character("a"))
        office.type(&state, "SPRING")
        _ = BackOfficeUpdate.update(&state, .resized(width: 120, height: 40))
        guard case let .form(action)? = state.screens.top else { Issue.record("the form closed"); return }
        #expect(action.form.text("code") == "SPRING")
        #expect(BackOfficeView.render(state).text().contains("New promotion"))
    }

    @Test func theHelpIsDrawnFromTheKeyTablesAndAnyKeyClosesIt() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        office.press(&state, .character("?"))
        #expect(state.screens.top == .help)
        let keys = BackOfficeScreenKeys.helpContents.flatMap { $0.bindings.map(\.keys) }
        for bound in ["Tab ⇧Tab", "1 – 6", "s", "/", "a", "e", "Esc", "q"] { #expect(keys.contains(bound), "\(bound) is in the help") }
        office.press(&state, .character("s"))
        #expect(state.screens.isEmpty)
        #expect(state.screens.screen(on: .form) == nil, "the key closed the help and did nothing else")
    }

    // MARK: Orders

    @Test func sShipsTheSelectedOrderWithTheCarrierChosenAndSaysTheTrackingNumber() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        let number = try #require(state.selectedOrder?.number)
        office.press(&state, .character("s"), .down)
        let effects = BackOfficeUpdate.update(&state, .key(.enter))
        guard case let .act(.ship(orderNumber, carrier), _, from)? = effects.first else { Issue.record("no ship action: \(effects)"); return }
        #expect(orderNumber == number)
        #expect(carrier != nil && carrier != office.shop.order(number).delivery.carrier)
        #expect(from == .form)
        office.run(effects, on: &state)
        let shipment = try #require(office.shop.order(number).shipment)
        #expect(state.screens.isEmpty)
        #expect(state.status?.text == "Order \(number) shipped with \(shipment.carrier.name): tracking number \(shipment.trackingNumber)")
        #expect(state.listedOrders.count == 2, "the order left the queue to ship")
    }

    @Test func aShipmentTheShopRefusesStaysOnTheFormWithTheReason() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        office.press(&state, .character("s"), .enter)
        office.press(&state, .right)
        #expect(state.orderFilter == .shipped && state.listedOrders.count == 1)
        office.press(&state, .character("s"), .enter)
        guard case let .form(action)? = state.screens.top else { Issue.record("the form closed"); return }
        #expect(action.form.error?.isEmpty == false, "the shop's refusal shows on the form")
        #expect(!action.isWaiting)
        office.press(&state, .escape)
        #expect(state.screens.isEmpty)
    }

    @Test func aRefundAboveWhatWasPaidIsRefusedAndABadAmountNeverReachesTheShop() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        office.press(&state, .character("f"))
        office.type(&state, "abc")
        office.press(&state, .tab)
        office.type(&state, "goodwill")
        #expect(BackOfficeUpdate.update(&state, .key(.enter)).isEmpty)
        guard case var .form(action)? = state.screens.top else { Issue.record("the form closed"); return }
        #expect(action.form.item("amount")?.error == "Type an amount like 12.90")
        action.form.setText("amount", "9999")
        state.screens.open(.form(action))
        office.press(&state, .enter)
        guard case let .form(refused)? = state.screens.top else { Issue.record("the form closed"); return }
        #expect(refused.form.error?.isEmpty == false)
        #expect(office.shop.state.commerce.orders.values.allSatisfy { $0.refunds.isEmpty })
    }

    // MARK: Support

    @Test func aReplyIsTypedInTheThreadAndSentWithEnter() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .support)
        #expect(state.unreadTickets == 1)
        office.press(&state, .enter)
        #expect(state.unreadTickets == 0, "on screen, it is read")
        office.press(&state, .enter)
        #expect(BackOfficeUpdate.update(&state, .key(.enter)).isEmpty, "an empty reply is not sent")
        #expect(state.status?.isError == true)
        office.type(&state, "Yes, with a note. q")
        #expect(state.pane == .support && !state.screens.contains(.confirmQuit), "q types into the reply")
        office.press(&state, .enter)
        let ticket = try #require(office.shop.state.commerce.tickets.values.first)
        #expect(ticket.messages.last?.text == "Yes, with a note. q")
        #expect(ticket.messages.last?.author == .shop)
        guard case let .ticket(screen)? = state.screens.top else { Issue.record("the thread closed"); return }
        #expect(screen.reply.text("reply").isEmpty && !screen.isReplying && !screen.isWaiting)
        office.press(&state, .character("c"))
        #expect(office.shop.state.commerce.tickets.values.first?.status == .closed)
    }

    @Test func quittingWithAReplyTypedAsksFirst() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .support)
        office.press(&state, .enter, .character("r"))
        office.type(&state, "Half a reply")
        office.press(&state, .escape)
        #expect(BackOfficeUpdate.update(&state, .key(.character("q"))).isEmpty)
        #expect(state.screens.top == .confirmQuit)
        office.press(&state, .character("n"))
        #expect(state.screens.top?.layer == .ticket)
        #expect(BackOfficeUpdate.update(&state, .key(.character("q"))).isEmpty)
        #expect(BackOfficeUpdate.update(&state, .key(.character("y"))) == [.quit])
    }

    // MARK: Catalogue, promotions, customers

    @Test func stockAndPriceAreEditedInPlaceAndBadInputIsSaidNextToTheField() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .catalogue)
        let sku = try #require(state.selectedProduct?.sku)
        office.press(&state, .character("s"), .deleteToStart)
        office.type(&state, "7")
        office.press(&state, .enter)
        #expect(office.shop.state.catalogue.product(sku: sku)?.stockOnHand == 7)
        #expect(state.selectedProduct?.stockOnHand == 7)
        office.press(&state, .character("p"), .deleteToStart)
        office.type(&state, "twelve")
        office.press(&state, .enter)
        guard case let .form(action)? = state.screens.top else { Issue.record("the form closed"); return }
        #expect(action.form.item("price")?.error == "Type an amount like 12.90")
        office.press(&state, .deleteToStart)
        office.type(&state, "12.50")
        office.press(&state, .enter)
        #expect(office.shop.state.catalogue.product(sku: sku)?.price == Fixtures.eur(1250))
        office.press(&state, .character("u"))
        #expect(!office.shop.state.commerce.backOffice.isListed(sku))
        office.press(&state, .character("u"))
        #expect(office.shop.state.commerce.backOffice.isListed(sku))
    }

    @Test func slashFiltersTheCatalogueAndEscClearsIt() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .catalogue)
        office.press(&state, .character("/"))
        office.type(&state, "fLt har")
        #expect(state.listedProductCount == 1)
        #expect(state.selectedProduct?.sku == "FLT-HAR-1")
        office.press(&state, .enter)
        #expect(!state.screens.contains(.filterEditing))
        office.press(&state, .escape)
        #expect(state.listedProductCount == state.shop.catalogue.count)
    }

    @Test func aPromotionIsAddedWithTheFormAndEndedWithE() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .promotions)
        office.press(&state, .character("a"))
        office.type(&state, "winter10")
        office.press(&state, .tab)
        office.type(&state, "10")
        office.press(&state, .tab)
        office.type(&state, "5")
        office.press(&state, .enter)
        guard case let .form(both)? = state.screens.top else { Issue.record("the form closed"); return }
        #expect(both.form.item("percent")?.error == "Give either a percentage or an amount off, not both")
        office.press(&state, .tab, .backspace, .tab, .tab)
        office.type(&state, "2026-02-30")
        office.press(&state, .enter)
        guard case let .form(badDay)? = state.screens.top else { Issue.record("the form closed"); return }
        #expect(badDay.form.item("until")?.error == "Type the last day as YYYY-MM-DD, like 2026-12-31")
        office.press(&state, .deleteToStart)
        office.type(&state, "2026-12-31")
        office.press(&state, .tab, .character(" "), .enter)
        let added = try #require(office.shop.state.commerce.backOffice.promotion(named: "WINTER10"))
        #expect(added.benefit == .percent(basisPoints: 1_000) && added.oncePerCustomer && added.lastDay == CalendarDay(year: 2026, month: 12, day: 31))
        office.press(&state, .end, .character("e"))
        #expect(office.shop.state.commerce.backOffice.promotion(named: "WINTER10")?.endedAt != nil)
    }

    @Test func enterOnACustomerShowsTheirHistoryAndEscGoesBack() throws {
        var office = try BackOfficeShop()
        var state = office.state(pane: .customers)
        office.press(&state, .enter)
        #expect(state.screens.top == .document(DocumentScreen(.customer(email: AfterSalesShop.email))))
        office.press(&state, .escape)
        #expect(state.screens.isEmpty)
    }

    // MARK: Following

    @Test func anOrderAndAMessageCommittedElsewhereShowAtOnce() throws {
        var office = try BackOfficeShop()
        var state = office.state()
        #expect(state.listedOrders.count == 3 && state.waitingTickets == 1)
        let number = try office.shop.order([("KET-SMG-1", 1)])
        try office.shop.trade(.openTicket(orderNumber: number, topic: .other, text: "Is it gift-wrapped?", by: .local))
        _ = BackOfficeUpdate.update(&state, .shopChanged(office.shop.state, catalogueChanged: false))
        #expect(state.listedOrders.last?.number == number)
        #expect(state.waitingTickets == 2 && state.unreadTickets == 2)
        #expect(BackOfficeView.labels(state)[1].contains("2 new"))
    }
}
