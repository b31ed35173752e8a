/// Slows down password guessing. Rules (defaults):
///
/// - Failed logins are counted in a row; a successful login resets everything.
/// - The 5th failure in a row locks the account: for 1 minute the first time, then 5, 15 and
///   60 minutes for each further series of 5 failures; every series after the fourth locks for
///   60 minutes again. The failure count restarts at 0 with each lock.
/// - While locked, a login is refused before the password is checked, and the refusal is not
///   counted: waiting it out is the only way forward. The lock ends exactly at `lockedUntil`.
/// - Only a successful login resets the growth: a lock that merely expires does not, so an attacker
///   gets at most 5 guesses an hour after the fourth series.
public struct LoginThrottle: Hashable, Sendable {
    public let failuresBeforeLock: Int
    /// Lock durations for the first, second, ... series; the last one repeats.
    public let lockDurationsInMinutes: [Int]

    public static let standard = LoginThrottle()

    public init(failuresBeforeLock: Int = 5, lockDurationsInMinutes: [Int] = [1, 5, 15, 60]) {
        precondition(failuresBeforeLock > 0, "a throttle locks after at least one failure")
        precondition(!lockDurationsInMinutes.isEmpty, "a throttle needs at least one lock duration")
        self.failuresBeforeLock = failuresBeforeLock
        self.lockDurationsInMinutes = lockDurationsInMinutes
    }

    /// Minutes the lock lasts after `previousLocks` earlier locks since the last successful login.
    public func lockDurationInMinutes(afterPreviousLocks previousLocks: Int) -> Int {
        lockDurationsInMinutes[min(max(previousLocks, 0), lockDurationsInMinutes.count - 1)]
    }

    /// Refuses any login attempt while the account (a customer's or staff's) is locked.
    public func checkNotLocked(_ account: some ThrottledLogin, at now: ShopInstant) throws(LoginError) {
        guard let until = account.lockedUntil, now < until else { return }
        throw .locked(remainingSeconds: until.secondsSince1970 - now.secondsSince1970)
    }

    /// The account after a wrong password at `now`. A failure during a lock changes nothing.
    public func recordingFailure<Login: ThrottledLogin>(on account: Login, at now: ShopInstant) -> Login {
        if let until = account.lockedUntil, now < until { return account }
        var updated = account
        updated.lockedUntil = nil
        updated.failedLoginCount += 1
        if updated.failedLoginCount >= failuresBeforeLock {
            updated.lockedUntil = now.adding(minutes: lockDurationInMinutes(afterPreviousLocks: account.lockoutCount))
            updated.lockoutCount += 1
            updated.failedLoginCount = 0
        }
        return updated
    }

    /// The account after a successful login: no failures, no lock, next lock back to the shortest.
    public func recordingSuccess<Login: ThrottledLogin>(on account: Login) -> Login {
        var updated = account
        updated.failedLoginCount = 0
        updated.lockoutCount = 0
        updated.lockedUntil = nil
        return updated
    }

    /// One login attempt: refused while locked, else the password is verified and the outcome
    /// recorded. The failure that locks the account reports the lock at once.
    public func attempt(
        password: String, on account: Account, hasher: some PasswordHasher, at now: ShopInstant
    ) -> LoginAttempt {
        do throws(LoginError) {
            try checkNotLocked(account, at: now)
        } catch {
            return .refused(error)
        }
        guard hasher.verify(password, against: account.passwordHash) else {
            let updated = recordingFailure(on: account, at: now)
            do throws(LoginError) {
                try checkNotLocked(updated, at: now)
                return .failed(updated, .wrongEmailOrPassword)
            } catch {
                return .failed(updated, error)
            }
        }
        return .succeeded(recordingSuccess(on: account))
    }
}

/// What came of one login attempt.
public enum LoginAttempt: Hashable, Sendable {
    /// The password was right; the account's failure count is reset.
    case succeeded(Account)
    /// The password was wrong; the account has the failure counted (and is perhaps now locked).
    case failed(Account, LoginError)
    /// The account was locked: the password was not even checked, and the account is unchanged.
    case refused(LoginError)
}

/// What the throttle counts of someone who logs in: a customer's account, a member of staff.
public protocol ThrottledLogin {
    /// Failed logins in a row since the last success or the last lock.
    var failedLoginCount: Int { get set }
    /// Locks since the last successful login: decides how long the next lock lasts.
    var lockoutCount: Int { get set }
    /// Logins are refused before this instant; nil when not locked.
    var lockedUntil: ShopInstant? { get set }
}

extension Account: ThrottledLogin {}
