import ShopCore
import ShopStore

/// The runtime around `update`: sends a message, carries out the effects on the store (every
/// command journaled before the screen says so), and feeds their outcome back as messages. A
/// refused or failed command becomes a status line, never a crash.
public final class ShopSession {
    public private(set) var state: AppState
    public private(set) var isFinished = false
    private let store: Store

    public init(store: Store, state: AppState) {
        self.store = store
        self.state = state
    }

    public func send(_ message: Message) {
        var pending = [message]
        while !pending.isEmpty {
            let effects = update(&state, pending.removeFirst())
            for effect in effects {
                switch effect {
                case .quit:
                    isFinished = true
                case let .execute(command, note):
                    do throws(StoreError) {
                        let events = try store.execute(command)
                        pending.append(.commandSucceeded(events: events, state: store.state, note: note))
                    } catch {
                        pending.append(.commandFailed(error.description))
                    }
                }
            }
        }
    }
}
