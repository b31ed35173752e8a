import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// What the back office lists and counts from the shop's lookups and from figures worked out once
/// per shop (queues, their counts, customers, the sales report, the support inbox) answers as a
/// count over every order would, while another store on the same folder places, ships and refunds
/// orders and a customer writes to support; and each new order shows on screen as it is followed.
@Suite struct BackOfficeFiguresTests {
    /// Every list and figure of the back office against a count over all orders and threads.
    static func expectFiguresMatch(_ state: BackOfficeState, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let commerce = state.shop.commerce
        let orders = commerce.orderNumbers.compactMap { commerce.orders[$0] }
        var filtered = state
        for filter in OrderQueueFilter.allCases {
            filtered.orderFilter = filter
            let counted = orders.filter { filter.queue == nil || OrderQueue($0) == filter.queue }.map(\.number)
            #expect(filtered.listedOrders.map(\.number) == counted, "\(filter.title) after \(step)", sourceLocation: sourceLocation)
        }
        let summaries = CustomerSummary.all(in: commerce)
        #expect((0..<summaries.count).compactMap { state.customerSummary($0) } == summaries, sourceLocation: sourceLocation)
        #expect(state.customerSummary(summaries.count) == nil, sourceLocation: sourceLocation)
        #expect(state.salesReport == SalesReport(state: state.shop), "the report after \(step)", sourceLocation: sourceLocation)
        let tickets = commerce.ticketIDs.compactMap { commerce.tickets[$0] }
        #expect(state.listedTickets == tickets.filter { $0.status == .open }.reversed() + tickets.filter { $0.status != .open }.reversed(),
                sourceLocation: sourceLocation)
        #expect(state.waitingTickets == tickets.filter { $0.status == .open }.count, sourceLocation: sourceLocation)
    }

    /// Follows the other store's commits until `done` holds (at most 10 s).
    static func follow(_ setup: BackOfficeSessionTests.Setup, until done: (BackOfficeState) -> Bool,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(10)
        while !done(setup.session.state), Date() < deadline {
            setup.session.follow()
            _ = setup.session.waitForBackgroundWork(timeout: 1)
        }
        #expect(done(setup.session.state), "the back office did not show the other store's commits within 10 s", sourceLocation: sourceLocation)
    }

    @Test func ordersPlacedShippedAndRefundedElsewhereShowLiveWithFiguresAsACountOverEveryOrder() throws {
        let setup = try BackOfficeSessionTests.Setup()
        defer { setup.close() }
        setup.session.logIn(email: BackOfficeShop.ownerEmail, password: "marble kestrel orchard")
        setup.settle()
        setup.session.send(.resized(width: 200, height: 60))
        setup.session.send(.key(.character("1")))
        for _ in 0..<4 { setup.session.send(.key(.right)) }
        #expect(setup.session.state.orderFilter == .all)
        let other = try Store.open(DataFolder(path: setup.folder.path), access: .readWrite, seed: { [] })
        defer { try? other.close() }
        let service = ShopService(store: other, hasher: PlainHasher())
        let owner = try #require(service.state.commerce.backOffice.staffMember(email: BackOfficeShop.ownerEmail))
        try service.merchant(.setFulfilment(.manual), by: owner)
        let alice = Shopper.session("alice")
        var reportBefore = setup.session.state.salesReport
        for round in 0..<6 {
            try service.execute(.addToCart(sku: Fixtures.products[round % 3].sku, quantity: 1, by: alice))
            let card = try CardDetails(number: "4242424242424242", expiry: "12/30", securityCode: "123", now: service.now)
            try service.trade(.placeOrder(CheckoutRequest(acceptsTerms: true, payment: .card(CardEntry(card))), by: alice))
            let numbers = service.state.commerce.orderNumbers
            if round % 2 == 1 { try service.merchant(.ship(orderNumber: numbers[round - 1], carrier: nil), by: owner) }
            if round % 3 == 2 { try service.merchant(.refund(orderNumber: numbers[0], amount: Money(minorUnits: 1_00, currency: .eur), reason: "late"), by: owner) }
            if round == 3 { try service.trade(.openTicket(orderNumber: numbers[1], topic: .other, text: "Where is it?", by: alice)) }
            let latest = service.state.commerce
            Self.follow(setup) { $0.shop.commerce.orders == latest.orders && $0.shop.commerce.tickets == latest.tickets }
            let state = setup.session.state
            Self.expectFiguresMatch(state, "round \(round)")
            #expect(state.salesReport != reportBefore, "the report follows the new order of round \(round)")
            reportBefore = state.salesReport
            let screen = setup.session.render().text()
            #expect(screen.contains(try #require(numbers.last)), "the new order is listed on screen")
            #expect(screen.contains(" All \(numbers.count) "), "the All tab counts every order")
        }
        let commerce = setup.session.state.shop.commerce
        #expect(commerce.queues.count(.shipped) == 3 && commerce.queues.count(.toShip) == 3)
    }

    @Test func theCustomersPaneAndTheDashboardShowTheFiguresOfTheShopShown() throws {
        var office = try BackOfficeShop(orders: 4)
        var state = office.state(width: 200, height: 60, pane: .customers)
        Self.expectFiguresMatch(state, "opening")
        let before = state.salesReport
        let zoe = try #require(state.customerSummary(0))
        #expect(zoe.orders == 4)
        #expect(BackOfficeView.render(state).text().contains(office.shop.state.commerce.accountsInOrder[0].email.value))
        try office.shop.order([("KET-SMG-1", 1)])
        BackOfficeUpdate.answer(&state, from: nil, .shopChanged(office.shop.state, catalogueChanged: false))
        Self.expectFiguresMatch(state, "a fifth order")
        #expect(state.customerSummary(0)?.orders == 5)
        #expect(state.salesReport.ordersPlaced == before.ordersPlaced + 1)
        state.pane = .dashboard
        #expect(BackOfficeView.render(state).text().contains("all 5"), "the dashboard counts the fifth order")
    }
}
