import Foundation
import ShopCore
import ShopService
import ShopStore
import Testing
@testable import ShopTUI

/// The back office's runtime on a real store through the `ShopWorker`: staff logins checked by the
/// application layer (a customer refused), actions journaled, and what another process commits
/// shown by following.
@Suite struct BackOfficeSessionTests {
    struct Setup {
        let folder: URL
        let store: Store
        let session: BackOfficeSession

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-backoffice-\(UUID().uuidString)")
            store = try Store.open(DataFolder(path: folder.path), access: .readWrite, seed: { Fixtures.products })
            let service = ShopService(store: store, hasher: PlainHasher())
            try service.addStaff(email: BackOfficeShop.ownerEmail, name: "Olive Owner", role: .owner, password: "marble kestrel orchard", by: nil)
            try service.register(ShopHarness.registration(), password: ShopHarness.password, session: "alice")
            let worker = ShopWorker(service: service)
            let state = BackOfficeState(shop: worker.snapshot.state, width: 80, height: 24, themes: ThemeCatalog.bundled().themes, now: worker.now)
            session = BackOfficeSession(worker: worker, state: state)
        }

        func close() {
            try? session.worker.close()
            try? FileManager.default.removeItem(at: folder)
        }

        func settle(sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(session.waitForBackgroundWork(timeout: 10), "the worker did not finish within 10 s", sourceLocation: sourceLocation)
        }

        var loginError: String? {
            if case let .login(form)? = session.state.screens.screen(on: .login) { return form.error }
            return nil
        }
    }

    @Test func aCustomerAccountAndAWrongPasswordAreRefusedThenStaffLogIn() throws {
        let setup = try Setup()
        defer { setup.close() }
        setup.session.logIn(email: "alice@example.fr", password: ShopHarness.password)
        setup.settle()
        #expect(setup.session.state.staff == nil)
        #expect(setup.loginError?.contains("is a customer account, not staff") == true)
        setup.session.logIn(email: BackOfficeShop.ownerEmail, password: "wrong password here")
        setup.settle()
        #expect(setup.loginError == LoginError.wrongEmailOrPassword.description)
        setup.session.logIn(email: BackOfficeShop.ownerEmail, password: "marble kestrel orchard")
        setup.settle()
        #expect(setup.session.state.staff?.email == BackOfficeShop.ownerEmail)
        #expect(setup.session.state.screens.isEmpty)
    }

    @Test func anActionIsJournaledWithWhoDidItAndAnotherStoresCommitsShowWhenFollowed() throws {
        let setup = try Setup()
        defer { setup.close() }
        setup.session.logIn(email: BackOfficeShop.ownerEmail, password: "marble kestrel orchard")
        setup.settle()
        setup.session.send(.key(.character("3")))
        setup.session.send(.key(.character("u")))
        setup.settle()
        let sku = Fixtures.products[0].sku
        #expect(!setup.session.state.shop.commerce.backOffice.isListed(sku))
        #expect(setup.session.state.shop.commerce.backOffice.audit.last?.staff == BackOfficeShop.ownerEmail)
        // Another process on the same folder: a customer's support question and a price change.
        let other = try Store.open(DataFolder(path: setup.folder.path), access: .readWrite, seed: { [] })
        defer { try? other.close() }
        let otherService = ShopService(store: other, hasher: PlainHasher())
        let owner = try #require(otherService.state.commerce.backOffice.staffMember(email: BackOfficeShop.ownerEmail))
        try otherService.merchant(.setStock(sku: sku, onHand: 3), by: owner)
        setup.session.follow()
        setup.settle()
        setup.session.follow()
        #expect(setup.session.state.shop.catalogue.product(sku: sku)?.stockOnHand == 3)
    }
}
