import Testing
@testable import ShopCore

@Suite("Account: login throttle")
struct AccountLoginThrottleTests {
    let throttle = LoginThrottle.standard
    let start = ShopInstant(secondsSince1970: 1_800_000_000)

    func account() throws -> Account {
        Account(
            id: AccountID("A-1"), name: "Alice Martin", email: try EmailAddress("alice@example.com"),
            passwordHash: PasswordHash(encoded: "scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U="),
            address: try PostalAddress(
                name: "Alice Martin", line1: "1 rue des Lilas", postalCode: "75011", city: "Paris", countryCode: "FR"),
            phone: try PhoneNumber("06 12 34 56 78", country: .france))
    }

    /// Records `count` failures one second apart, starting at `time`.
    func failing(_ account: Account, times count: Int, from time: ShopInstant) -> Account {
        var result = account
        for offset in 0..<count {
            result = throttle.recordingFailure(
                on: result, at: ShopInstant(secondsSince1970: time.secondsSince1970 + Int64(offset)))
        }
        return result
    }

    @Test("four failures in a row do not lock; each is counted")
    func fourFailures() throws {
        let after = failing(try account(), times: 4, from: start)
        #expect(after.failedLoginCount == 4)
        #expect(after.lockedUntil == nil)
        #expect(after.lockoutCount == 0)
        try throttle.checkNotLocked(after, at: start.adding(minutes: 0))
    }

    @Test("the fifth failure locks for one minute, until exactly that instant")
    func fifthFailureLocks() throws {
        let fifthAt = ShopInstant(secondsSince1970: start.secondsSince1970 + 4)
        let locked = failing(try account(), times: 5, from: start)
        #expect(locked.lockedUntil == fifthAt.adding(minutes: 1))
        #expect(locked.failedLoginCount == 0)
        #expect(locked.lockoutCount == 1)
        #expect(locked.isLocked(at: fifthAt))
        let oneSecondBefore = ShopInstant(secondsSince1970: fifthAt.adding(minutes: 1).secondsSince1970 - 1)
        #expect(throws: LoginError.locked(remainingSeconds: 1)) { try throttle.checkNotLocked(locked, at: oneSecondBefore) }
        #expect(locked.isLocked(at: oneSecondBefore))
        try throttle.checkNotLocked(locked, at: fifthAt.adding(minutes: 1))
        #expect(!locked.isLocked(at: fifthAt.adding(minutes: 1)))
    }

    @Test("failures while locked are not counted")
    func failuresDuringLock() throws {
        let locked = failing(try account(), times: 5, from: start)
        let again = throttle.recordingFailure(on: locked, at: start.adding(minutes: 0))
        #expect(again == locked)
    }

    @Test("each further series locks longer: 1, 5, 15, 60, then 60 minutes again")
    func growth() throws {
        var current = try account()
        var now = start
        for expectedMinutes in [1, 5, 15, 60, 60, 60] {
            current = failing(current, times: 5, from: now)
            let lastFailure = ShopInstant(secondsSince1970: now.secondsSince1970 + 4)
            #expect(current.lockedUntil == lastFailure.adding(minutes: expectedMinutes))
            now = current.lockedUntil!
        }
        #expect(current.lockoutCount == 6)
        #expect(throttle.lockDurationInMinutes(afterPreviousLocks: 0) == 1)
        #expect(throttle.lockDurationInMinutes(afterPreviousLocks: 3) == 60)
        #expect(throttle.lockDurationInMinutes(afterPreviousLocks: 99) == 60)
    }

    @Test("after a lock expires the count starts again from zero")
    func countRestartsAfterLock() throws {
        let locked = failing(try account(), times: 5, from: start)
        let unlockedAt = locked.lockedUntil!
        let afterFour = failing(locked, times: 4, from: unlockedAt)
        #expect(afterFour.lockedUntil == nil)
        #expect(afterFour.failedLoginCount == 4)
        #expect(afterFour.lockoutCount == 1)
    }

    @Test("a successful login resets the count and the growth")
    func successResets() throws {
        var current = failing(try account(), times: 5, from: start)
        current = failing(current, times: 5, from: current.lockedUntil!)
        #expect(current.lockoutCount == 2)
        let reset = throttle.recordingSuccess(on: failing(current, times: 3, from: current.lockedUntil!))
        #expect(reset.failedLoginCount == 0)
        #expect(reset.lockoutCount == 0)
        #expect(reset.lockedUntil == nil)
        let nextLock = failing(reset, times: 5, from: start.adding(days: 1))
        #expect(nextLock.lockedUntil == ShopInstant(secondsSince1970: start.adding(days: 1).secondsSince1970 + 4).adding(minutes: 1))
    }

    @Test("the lock message says how long remains, rounded up")
    func messages() {
        #expect(LoginError.locked(remainingSeconds: 240).description == "too many failed logins: try again in 4 minutes")
        #expect(LoginError.locked(remainingSeconds: 181).description == "too many failed logins: try again in 4 minutes")
        #expect(LoginError.locked(remainingSeconds: 60).description == "too many failed logins: try again in 1 minute")
        #expect(LoginError.locked(remainingSeconds: 59).description == "too many failed logins: try again in 59 seconds")
        #expect(LoginError.locked(remainingSeconds: 1).description == "too many failed logins: try again in 1 second")
        #expect(LoginError.locked(remainingSeconds: 3_600).description == "too many failed logins: try again in 1 hour")
        #expect(LoginError.locked(remainingSeconds: 3_900).description
            == "too many failed logins: try again in 1 hour 5 minutes")
        #expect(LoginError.wrongEmailOrPassword.description == "wrong email or password: check both and try again")
    }

    @Test("four minutes into a fifteen-minute lock, eleven remain")
    func remainingDuringLongLock() throws {
        var current = failing(try account(), times: 5, from: start)
        current = failing(current, times: 5, from: current.lockedUntil!)
        current = failing(current, times: 5, from: current.lockedUntil!)
        let until = try #require(current.lockedUntil)
        let now = ShopInstant(secondsSince1970: until.secondsSince1970 - 11 * 60)
        #expect(throws: LoginError.locked(remainingSeconds: 660)) { try throttle.checkNotLocked(current, at: now) }
    }

    @Test("a stricter throttle can be configured")
    func customThrottle() throws {
        let strict = LoginThrottle(failuresBeforeLock: 3, lockDurationsInMinutes: [10])
        var current = try account()
        for _ in 0..<3 { current = strict.recordingFailure(on: current, at: start) }
        #expect(current.lockedUntil == start.adding(minutes: 10))
    }
}
