import ShopCore
import Testing

@Suite("Back office: staff, roles and the audit journal")
struct MerchantStaffTests {
    @Test func theFirstOwnerNeedsNoLoginAndEveryActionIsAuditedWithWhoDidIt() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        try shop.merchant(.setStock(sku: "PEN", onHand: 30), as: TradeShop.clerk)
        let audit = shop.state.commerce.backOffice.audit
        #expect(audit.map(\.staff) == [AuditEntry.dataFolder, TradeShop.owner, TradeShop.clerk])
        #expect(audit[0].action == "added owner@comptoir.test (Olive Owner) as owner")
        #expect(audit[2].action == "set the stock of PEN from 20 to 30")
        #expect(audit.allSatisfy { $0.at == shop.now })
    }

    @Test func onlyTheFirstMemberMayBeAddedWithoutALoginAndItMustBeAnOwner() throws {
        var shop = try TradeShop()
        #expect(merchantError {
            try shop.trade(.merchant(.addStaff(email: "a@b.fr", name: "A", role: .staff, passwordHash: PasswordHash(encoded: "x")), staff: nil))
        } == .firstStaffMustBeOwner)
        #expect(merchantError { try shop.trade(.merchant(.setStock(sku: "PEN", onHand: 1), staff: nil)) } == .noStaffYet)
        try shop.hireStaff()
        #expect(merchantError {
            try shop.trade(.merchant(.addStaff(email: "x@b.fr", name: "X", role: .owner, passwordHash: PasswordHash(encoded: "x")), staff: nil))
        } == .staffLoginNeeded)
        #expect(shop.state.commerce.backOffice.staff.count == 2)
    }

    @Test func staffRunTheDailyWorkButNotMoneyPromotionsSettingsOrStaff() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        for action: MerchantAction in [
            .setPrice(sku: "PEN", price: TradeShop.euros(11_00)), .setFulfilment(.manual),
            .removeStaff(email: TradeShop.owner), .endPromotion(code: "WELCOME10"),
            .refund(orderNumber: "C-2026-000001", amount: TradeShop.euros(1_00), reason: "sorry"),
        ] {
            let error = merchantError { try shop.merchant(action, as: TradeShop.clerk) }
            #expect(error == .notAllowed(email: TradeShop.clerk, role: .staff, permission: action.permission))
            #expect(error?.description.contains("ask an owner") == true)
        }
        try shop.merchant(.setListed(sku: "PEN", listed: false), as: TradeShop.clerk)
    }

    @Test func aCustomerAccountOrAStrangerIsNotStaff() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        #expect(merchantError { try shop.merchant(.setStock(sku: "PEN", onHand: 1), as: "zoe@example.fr") } == .customerNotStaff("zoe@example.fr"))
        #expect(merchantError { try shop.merchant(.setStock(sku: "PEN", onHand: 1), as: "nobody@example.fr") } == .notStaff("nobody@example.fr"))
        #expect(MerchantError.customerNotStaff("zoe@example.fr").description.contains("customer account, not staff"))
    }

    @Test func theLastOwnerCannotBeRemovedAndAnAddressIsStaffOnce() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        #expect(merchantError { try shop.merchant(.removeStaff(email: TradeShop.owner)) } == .lastOwner(TradeShop.owner))
        #expect(merchantError {
            try shop.merchant(.addStaff(email: "CLERK@comptoir.test", name: "Again", role: .staff, passwordHash: PasswordHash(encoded: "x")))
        } == .staffExists(TradeShop.clerk))
        #expect(merchantError { try shop.merchant(.addStaff(email: "not an address", name: "N", role: .staff, passwordHash: PasswordHash(encoded: "x"))) }
            == .invalidStaffEmail("not an address"))
        try shop.merchant(.removeStaff(email: TradeShop.clerk))
        #expect(shop.state.commerce.backOffice.staff.map(\.email) == [TradeShop.owner])
        #expect(merchantError { try shop.merchant(.setStock(sku: "PEN", onHand: 1), as: TradeShop.clerk) } == .notStaff(TradeShop.clerk))
    }

    @Test func replayingTheJournalRebuildsTheBackOffice() throws {
        var shop = try TradeShop()
        try shop.hireStaff()
        try shop.merchant(.setFulfilment(.manual))
        try shop.merchant(.setPrice(sku: "PEN", price: TradeShop.euros(12_00)))
        var replayed = ShopState()
        replayed.apply(shop.history)
        #expect(replayed == shop.state)
    }
}
