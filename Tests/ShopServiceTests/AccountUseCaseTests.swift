import ShopCore
import ShopService
import ShopStore
import Testing

/// Registration, login (throttle, hasher, unknown addresses), logout, password change.
@Suite struct AccountUseCaseTests {
    @Test func registeringHashesThePasswordAndLogsTheSessionIn() throws {
        let shop = try ServiceFixture()
        let entry = try shop.service.register(try ServiceFixture.registration(), password: ServiceFixture.password, session: "local")
        #expect(entry.account.passwordHash.encoded == "plain$" + ServiceFixture.password)
        #expect(entry.events.contains { if case .commerce(.sessionStarted) = $0 { return true } else { return false } })
        #expect(try shop.service.customer(.local).id == entry.account.id)
        let welcome = try shop.service.mailbox.messages(of: entry.account)
        #expect(welcome.count == 1)
    }

    @Test func anAddressWithAnAccountCannotRegisterAgain() throws {
        let shop = try ServiceFixture()
        try shop.register()
        #expect(throws: ServiceError.emailTaken("alice@example.fr")) {
            try shop.service.register(try ServiceFixture.registration(name: "Another Alice"), password: "another pass phrase", session: "other")
        }
        #expect(try ShopServiceTestsSupport.loggedIn(shop, session: "other") == nil)
    }

    @Test func theRightPasswordLogsInOnlyTheAskingSession() throws {
        let shop = try ServiceFixture()
        let account = try shop.register(session: "first")
        let entry = try shop.service.logIn(email: "alice@example.fr", password: ServiceFixture.password, session: "second")
        #expect(entry.account.id == account.id)
        #expect(try shop.service.customer(.session("second")).id == account.id)
        #expect(try ShopServiceTestsSupport.loggedIn(shop, session: "third") == nil)
    }

    @Test func aLoginWithoutSessionProvesWhoActsAndLogsNobodyIn() throws {
        let shop = try ServiceFixture()
        try shop.register(session: "local")
        try shop.service.logOut(.local)
        _ = try shop.service.logIn(email: "alice@example.fr", password: ServiceFixture.password, session: nil)
        #expect(throws: ServiceError.notLoggedIn) { try shop.service.customer(.local) }
    }

    @Test func aWrongPasswordAndAnUnknownAddressGiveTheSameAnswerAndTheSameWork() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let before = shop.hasher.verificationCount
        #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
            try shop.service.logIn(email: "alice@example.fr", password: "not the password", session: "other")
        }
        let afterWrong = shop.hasher.verificationCount
        #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
            try shop.service.logIn(email: "nobody@example.fr", password: "not the password", session: "other")
        }
        #expect(afterWrong - before == 1)
        #expect(shop.hasher.verificationCount - afterWrong == 1)
    }

    @Test func fiveFailuresLockTheAccountUntilTheClockPassesTheLock() throws {
        let shop = try ServiceFixture()
        try shop.register()
        for _ in 1...5 {
            #expect(throws: ServiceError.self) {
                try shop.service.logIn(email: "alice@example.fr", password: "wrong guess", session: "other")
            }
        }
        // Locked: even the right password is refused, with how long the lock lasts.
        #expect {
            try shop.service.logIn(email: "alice@example.fr", password: ServiceFixture.password, session: "other")
        } throws: { error in
            guard case let .login(.locked(remaining))? = error as? ServiceError else { return false }
            return (1...60).contains(remaining)
        }
        shop.clock.advance(seconds: 61)
        let entry = try shop.service.logIn(email: "alice@example.fr", password: ServiceFixture.password, session: "other")
        #expect(entry.account.email.value == "alice@example.fr")
    }

    @Test func changingThePasswordNeedsTheCurrentOne() throws {
        let shop = try ServiceFixture()
        try shop.register()
        #expect(throws: ServiceError.passwordChange(.wrongCurrentPassword)) {
            try shop.service.changePassword(current: "not it", new: "a brand new pass phrase", by: .local)
        }
        try shop.service.changePassword(current: ServiceFixture.password, new: "a brand new pass phrase", by: .local)
        #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
            try shop.service.logIn(email: "alice@example.fr", password: ServiceFixture.password, session: "other")
        }
        _ = try shop.service.logIn(email: "alice@example.fr", password: "a brand new pass phrase", session: "other")
    }

    @Test func aPasswordChangedWhileTheCheckRanCountsAsWrong() throws {
        let shop = try ServiceFixture()
        try shop.register()
        let check = shop.service.passwordCheck(email: "alice@example.fr")
        let right = check.verify(ServiceFixture.password, with: shop.hasher)
        #expect(right)
        // Another process changes the password before this login is journaled.
        try shop.service.changePassword(current: ServiceFixture.password, new: "a brand new pass phrase", by: .local)
        #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
            try shop.service.finishLogIn(check, verified: right, session: "other")
        }
        #expect(shop.service.commerce.account(email: "alice@example.fr")?.failedLoginCount == 1)
    }

    @Test func aCheckOfAnUnknownAddressDoesTheWorkAndVerifiesNothing() throws {
        let shop = try ServiceFixture()
        let check = shop.service.passwordCheck(email: "nobody@example.fr")
        let before = shop.hasher.verificationCount
        #expect(!check.verify("any words at all", with: shop.hasher))
        #expect(shop.hasher.verificationCount == before + 1)
        #expect(throws: ServiceError.login(.wrongEmailOrPassword)) {
            try shop.service.finishLogIn(check, verified: true, session: "other")
        }
    }

    @Test func aRegistrationRacedByAnotherWithTheSameAddressIsRefusedWhenFinished() throws {
        let shop = try ServiceFixture()
        let registration = try ServiceFixture.registration()
        try shop.service.checkAddressFree(registration)
        let hash = try shop.hasher.hash(ServiceFixture.password)
        try shop.register(session: "first")
        #expect(throws: ServiceError.emailTaken("alice@example.fr")) {
            try shop.service.finishRegistration(registration, passwordHash: hash, session: "second")
        }
        #expect(shop.service.commerce.accountsInOrder.count == 1)
    }

    @Test func aGuestMustLogInToActAsACustomer() throws {
        let shop = try ServiceFixture()
        #expect(throws: ServiceError.notLoggedIn) { try shop.service.customer(.local) }
        #expect(ServiceError.notLoggedIn.isRefusal)
    }
}

enum ShopServiceTestsSupport {
    /// The account logged in to the local session `session`, if any.
    static func loggedIn(_ shop: ServiceFixture, session: String) throws -> Account? {
        shop.service.commerce.account(of: .session(session))
    }
}
