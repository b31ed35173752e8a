import Foundation
@testable import ShopStore

/// Runs `body` (an open for writing, or a recovery), retrying for at most 5 seconds while the lock this
/// process has just released still looks taken by this process: a child that another test is spawning
/// holds copies of this process's descriptors until it execs (close-on-exec acts only then).
func retryingOwnLock<T>(_ body: () throws -> T) throws -> T {
    let deadline = Date().addingTimeInterval(5)
    while true {
        do {
            return try body()
        } catch {
            guard case let .locked(_, pid)? = error as? StoreError, pid == getpid(), Date() < deadline else { throw error }
            usleep(10_000)
        }
    }
}
