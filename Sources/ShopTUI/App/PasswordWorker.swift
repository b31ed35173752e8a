import ShopCore
import ShopService

/// The outcome of the slow half of a login or registration, done off the UI thread.
public enum PasswordWork: Sendable {
    /// A login's password was checked: right or not.
    case verified(Bool)
    /// A registration's password was hashed.
    case hashed(PasswordHash)
    /// The hasher failed (the system's randomness, memory).
    case failed(String)
}

/// Runs the password hasher (scrypt: tens to hundreds of milliseconds) on one serial queue, off
/// the thread that reads keys and draws frames, so the screen keeps drawing while a login is
/// checked. Each job carries the request id the runtime gave it; its outcome comes back as
/// `Message.passwordWorkFinished` with that id, collected by the runtime (`takeFinished`), or goes
/// to a completion (`ShopWorker`). The store is never touched here: the shop worker reads the hash
/// before and journals after, on its own queue.
public final class PasswordWorker: Sendable {
    private let background = BackgroundQueue(label: "comptoir.password")
    private let hasher: any PasswordHasher

    public init(hasher: any PasswordHasher) {
        self.hasher = hasher
    }

    /// Checks `password` against `check` off the UI thread.
    public func verify(request: Int, _ check: PasswordCheck, password: String) {
        start(request) { hasher in Self.verifying(check, password, hasher) }
    }

    /// Hashes a new password off the UI thread.
    public func hash(request: Int, password: String) {
        start(request) { hasher in Self.hashing(password, hasher) }
    }

    /// Whether some work is queued, running, or finished and not collected.
    public var isBusy: Bool { background.isBusy }

    /// The outcomes of finished work, oldest first.
    public func takeFinished() -> [Message] { background.takeFinished() }

    /// Blocks until every job started so far is done, or `seconds` passed; true when done. For tests.
    public func waitUntilIdle(timeout seconds: Double) -> Bool { background.waitUntilIdle(timeout: seconds) }

    /// Checks `password` against `check` off the UI thread, then hands the outcome to `done` (on
    /// the password queue): the shop worker finishes the login on the store from there.
    public func verify(_ check: PasswordCheck, password: String, then done: @escaping @Sendable (PasswordWork) -> Void) {
        let hasher = self.hasher
        background.run {
            done(Self.verifying(check, password, hasher))
            return nil
        }
    }

    /// Hashes a new password off the UI thread, then hands the outcome to `done` (on the password queue).
    public func hash(password: String, then done: @escaping @Sendable (PasswordWork) -> Void) {
        let hasher = self.hasher
        background.run {
            done(Self.hashing(password, hasher))
            return nil
        }
    }

    private static func verifying(_ check: PasswordCheck, _ password: String, _ hasher: any PasswordHasher) -> PasswordWork {
        .verified(check.verify(password, with: hasher))
    }

    private static func hashing(_ password: String, _ hasher: any PasswordHasher) -> PasswordWork {
        do {
            return .hashed(try hasher.hash(password))
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func start(_ request: Int, _ job: @escaping @Sendable (any PasswordHasher) -> PasswordWork) {
        let hasher = self.hasher
        background.run { .passwordWorkFinished(request: request, job(hasher)) }
    }
}
