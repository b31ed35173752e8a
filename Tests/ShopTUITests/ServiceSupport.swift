import ShopCore
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
