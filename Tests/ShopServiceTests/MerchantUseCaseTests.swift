import ShopCore
import ShopService
import ShopStore
import Testing

/// The back office behind the application layer: staff log in per action, the first owner needs
/// no login, a customer account is refused, and the shop's mail carries the replies.
@Suite struct MerchantUseCaseTests {
    static let ownerPassword = "marble kestrel orchard"

    @Test func theFirstOwnerIsAddedWithoutALoginThenStaffLogInWithTheirPassword() throws {
        let shop = try ServiceFixture()
        #expect(shop.service.needsFirstOwner)
        try shop.service.addStaff(email: "owner@shop.test", name: "Olive", role: .owner, password: Self.ownerPassword, by: nil)
        #expect(!shop.service.needsFirstOwner)
        let owner = try shop.service.authenticateStaff(email: "OWNER@shop.test", password: Self.ownerPassword)
        #expect(owner.role == .owner)
        #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
            try shop.service.authenticateStaff(email: "owner@shop.test", password: "wrong password here")
        }
        #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
            try shop.service.authenticateStaff(email: "nobody@shop.test", password: Self.ownerPassword)
        }
        #expect(shop.service.commerce.backOffice.audit.first?.staff == AuditEntry.dataFolder)
    }

    @Test func aCustomerAccountIsRefusedByNameAndCostsAVerification() throws {
        let shop = try ServiceFixture()
        try shop.register()
        try shop.service.addStaff(email: "owner@shop.test", name: "Olive", role: .owner, password: Self.ownerPassword, by: nil)
        let before = shop.hasher.verificationCount
        #expect(throws: ServiceError.merchant(.customerNotStaff("alice@example.fr"))) {
            try shop.service.authenticateStaff(email: "alice@example.fr", password: ServiceFixture.password)
        }
        #expect(shop.hasher.verificationCount == before + 1)
    }

    @Test func aWeakStaffPasswordIsRefusedBeforeAnythingIsJournaled() throws {
        let shop = try ServiceFixture()
        let sequence = shop.service.store.sequence
        #expect(throws: ServiceError.self) {
            try shop.service.addStaff(email: "owner@shop.test", name: "Olive", role: .owner, password: "123", by: nil)
        }
        #expect(shop.service.store.sequence == sequence)
        #expect(shop.service.needsFirstOwner)
    }

    @Test func aReplyReachesTheCustomersTicketAndMailboxAndOrdersAreQueued() throws {
        let shop = try ServiceFixture()
        let account = try shop.register()
        try shop.service.addStaff(email: "owner@shop.test", name: "Olive", role: .owner, password: Self.ownerPassword, by: nil)
        let owner = try shop.service.authenticateStaff(email: "owner@shop.test", password: Self.ownerPassword)
        try shop.service.merchant(.setFulfilment(.manual), by: owner)
        let number = try shop.placeOrder(by: .local)
        try shop.advance(days: 2)
        #expect(shop.service.merchantOrders(in: .toShip).map(\.number) == [number])
        try shop.service.trade(.openTicket(orderNumber: number, topic: .other, text: "Gift wrap?", by: .local))
        #expect(shop.service.merchantTickets(waitingOnly: true).map(\.id) == ["T-0001"])
        try shop.service.merchant(.replyToTicket(ticketID: "T-0001", text: "Done, with a ribbon."), by: owner)
        #expect(shop.service.merchantTickets(waitingOnly: true).isEmpty)
        let mail = try shop.service.mailbox.messages(of: account)
        #expect(mail.contains { $0.body.contains("Done, with a ribbon.") && $0.to.contains("alice@example.fr") })
        try shop.service.merchant(.ship(orderNumber: number, carrier: nil), by: owner)
        #expect(shop.service.merchantOrders(in: .shipped).map(\.number) == [number])
        #expect(shop.service.customerSummaries().first?.orders == 1)
        #expect(shop.service.salesReport(from: nil, to: nil).orders == 1)
    }
}

@Suite struct MerchantLoginThrottleTests {
    @Test func fiveWrongPasswordsLockAStaffLoginForAMinuteEvenWithTheRightOne() throws {
        let shop = try ServiceFixture()
        try shop.service.addStaff(email: "owner@shop.test", name: "Olive", role: .owner, password: MerchantUseCaseTests.ownerPassword, by: nil)
        for _ in 0..<4 {
            #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
                try shop.service.authenticateStaff(email: "owner@shop.test", password: "wrong password here")
            }
        }
        #expect(throws: ServiceError.login(.locked(remainingSeconds: 60))) {
            try shop.service.authenticateStaff(email: "owner@shop.test", password: "wrong password here")
        }
        let before = shop.hasher.verificationCount
        #expect(throws: ServiceError.login(.locked(remainingSeconds: 60))) {
            try shop.service.authenticateStaff(email: "owner@shop.test", password: MerchantUseCaseTests.ownerPassword)
        }
        #expect(shop.hasher.verificationCount == before, "a locked login checks no password")
        shop.clock.advance(seconds: 60)
        let owner = try shop.service.authenticateStaff(email: "owner@shop.test", password: MerchantUseCaseTests.ownerPassword)
        #expect(owner.failedLoginCount == 0 && owner.lockedUntil == nil)
        #expect(!shop.service.commerce.backOffice.audit.contains { $0.action == "logged in" }, "logins are not audited actions")
    }
}
