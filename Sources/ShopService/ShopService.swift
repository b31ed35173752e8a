import ShopCore
import ShopStore

/// The application layer: the use cases every front end calls (the CLI, the terminal shop, the
/// demo, the tests) and the questions their screens ask, on one store, with the wall clock,
/// randomness and password hasher injected at the edge. Not Sendable: like its `Store`, one
/// thread uses it at a time.
public final class ShopService {
    public let store: Store
    public let clock: any ShopClock
    public let entropy: any EntropySource
    public let hasher: any PasswordHasher

    public init(
        store: Store, clock: any ShopClock = WallClock(), entropy: any EntropySource = SystemEntropy(),
        hasher: any PasswordHasher
    ) {
        self.store = store
        self.clock = clock
        self.entropy = entropy
        self.hasher = hasher
    }

    public var state: ShopState { store.state }
    public var commerce: Commerce { store.state.commerce }

    /// Shop time now: the clock's reading plus the offset the state keeps.
    public var now: ShopInstant { store.shopTime(wallClock: clock.now) }

    /// Reads what other processes committed since this process last looked.
    public func refresh() throws(StoreError) {
        defer { paceClock(decidedAt: nil) }
        try store.refresh()
    }

    /// Decides and journals `command` at shop time now with fresh entropy, then writes any mail it
    /// caused. `.mailNotWritten` means the events are journaled and only the mail is missing.
    @discardableResult
    public func trade(_ command: CommerceCommand) throws(ServiceError) -> [ShopEvent] {
        let wallClock = clock.now
        defer { paceClock(decidedAt: wallClock) }
        do {
            return try store.trade(command, wallClock: wallClock, entropy: entropy.next())
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .mailNotWritten(folder: store.folder.path, reason: String(describing: error))
        }
    }

    /// Journals a command that is not a trade (an import, a catalogue change).
    @discardableResult
    public func execute(_ command: ShopCommand) throws(ServiceError) -> [ShopEvent] {
        defer { paceClock(decidedAt: nil) }
        do throws(StoreError) {
            return try store.execute(command)
        } catch {
            throw .store(error)
        }
    }

    /// The account `shopper` acts as: the account itself, or the one logged in to the session.
    public func customer(_ shopper: Shopper) throws(ServiceError) -> Account {
        guard let account = commerce.account(of: shopper) else { throw .notLoggedIn }
        return account
    }
}
