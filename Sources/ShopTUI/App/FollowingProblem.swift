import ShopService
import ShopStore

/// What following the store ran into, as every session says it. The shop's database out of reach is
/// one problem however the connection failed (refused, reset, timed out), so the screen says once
/// that it is reconnecting, and once that it is back.
enum FollowingProblem: Equatable, Sendable {
    /// The shop's database cannot be reached; `store` names it without its password.
    case unreachable(store: String)
    case other(String)

    init(_ error: StoreError) {
        if case let .unreachable(store, _) = error { self = .unreachable(store: store) } else { self = .other(error.description) }
    }

    init(_ error: ServiceError) {
        if case let .store(storeError) = error { self.init(storeError) } else { self = .other(error.description) }
    }

    /// The notice a session shows when the problem is met.
    var notice: String {
        switch self {
        case let .unreachable(store): return "The shop's database is unreachable (\(store)): reconnecting…"
        case let .other(description): return description
        }
    }

    /// The notice a session shows when following works again after this problem, if any.
    var recoveryNotice: String? {
        if case .unreachable = self { return "Reconnected to the shop's database" }
        return nil
    }
}
