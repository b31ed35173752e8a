import ShopCore
import Testing
@testable import ShopSecurity

@Suite("Security: logging in with a real hasher")
struct LoginWithScryptTests {
    let hasher = ScryptPasswordHasher(parameters: try! ScryptParameters(rounds: 1 << 10, blockSize: 8, parallelism: 1))
    let throttle = LoginThrottle.standard
    let start = ShopInstant(secondsSince1970: 1_800_000_000)
    let password = "plum kite river"

    func account() throws -> Account {
        Account(
            id: AccountID("A-1"), name: "Alice Martin", email: try EmailAddress("alice@example.com"),
            passwordHash: try hasher.hash(password),
            address: try PostalAddress(
                name: "Alice Martin", line1: "1 rue des Lilas", postalCode: "75011", city: "Paris", countryCode: "FR"))
    }

    @Test("the right password succeeds and resets the failure count")
    func success() throws {
        var account = try account()
        account.failedLoginCount = 3
        guard case let .succeeded(after) = throttle.attempt(password: password, on: account, hasher: hasher, at: start)
        else {
            Issue.record("expected success")
            return
        }
        #expect(after.failedLoginCount == 0)
    }

    @Test("a wrong password fails, counted; the fifth reports the lock; then logins are refused unchecked")
    func failuresThenLock() throws {
        var account = try account()
        for attempt in 1...4 {
            guard case let .failed(after, error) = throttle.attempt(password: "wrong guess", on: account, hasher: hasher, at: start)
            else {
                Issue.record("attempt \(attempt) should fail")
                return
            }
            #expect(error == .wrongEmailOrPassword)
            #expect(after.failedLoginCount == attempt)
            account = after
        }
        guard case let .failed(locked, lockError) = throttle.attempt(password: "wrong guess", on: account, hasher: hasher, at: start)
        else {
            Issue.record("the fifth attempt should fail")
            return
        }
        #expect(lockError == .locked(remainingSeconds: 60))
        #expect(lockError.description == "too many failed logins: try again in 1 minute")
        let during = throttle.attempt(password: password, on: locked, hasher: hasher, at: start.adding(minutes: 0))
        #expect(during == .refused(.locked(remainingSeconds: 60)))
        guard case .succeeded = throttle.attempt(password: password, on: locked, hasher: hasher, at: start.adding(minutes: 1))
        else {
            Issue.record("the right password should succeed once the lock ends")
            return
        }
    }

    @Test("the password never appears in an account or an attempt's description")
    func noPasswordLeak() throws {
        let account = try account()
        let outcome = throttle.attempt(password: password, on: account, hasher: hasher, at: start)
        #expect(!String(describing: account).contains(password))
        #expect(!String(describing: outcome).contains(password))
        #expect(!String(reflecting: outcome).contains(password))
        var dumped = ""
        dump(outcome, to: &dumped)
        #expect(!dumped.contains(password))
        #expect(!dumped.contains(account.passwordHash.encoded))
    }
}
