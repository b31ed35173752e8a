import ShopCore
import Testing
import ShopService
import ShopStore
@testable import ShopTUI

/// Tests that set a shop up on a store before a screen opens go through the application layer,
/// at wall-clock shop time (the time the runtime they then open reads).
extension Store {
    @discardableResult
    func trade(_ command: CommerceCommand) throws -> [ShopEvent] {
        try ShopService(store: self, hasher: PlainHasher()).trade(command)
    }

    var shopTime: ShopInstant { ShopService(store: self, hasher: PlainHasher()).now }
}

extension ShopSession {
    /// The runtime on `store` with the wall clock, the system's entropy and `hasher`.
    convenience init(store: Store, state: AppState, hasher: any PasswordHasher, clockSpeed: Int64 = 1) {
        self.init(service: ShopService(store: store, hasher: hasher), state: state, clockSpeed: clockSpeed)
    }
}

extension ShopSession {
    /// Waits (at most 10 s) until the worker has carried out what this session asked for and its
    /// outcome is shown: what a customer does between two keys.
    func settle(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(waitForBackgroundWork(timeout: 10), "the worker did not finish within 10 s", sourceLocation: sourceLocation)
    }

    /// Sends `keys` one after the other, each shown before the next (see `settle`).
    func press(_ keys: Key...) {
        for key in keys {
            send(.key(key))
            settle()
        }
    }

    /// Types `text`, each character shown before the next.
    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }
}
