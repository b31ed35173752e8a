import Foundation

/// Where randomness comes from, injected at the edge: payment tokens, 3-D Secure codes, cash
/// references and order numbers are drawn from one value per command.
public protocol EntropySource: Sendable {
    func next() -> UInt64
}

/// The system's generator.
public struct SystemEntropy: EntropySource {
    public init() {}

    public func next() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

/// A predictable source for tests: 1, 2, 3… from `start`.
public final class CountingEntropy: EntropySource, @unchecked Sendable {
    private let lock = NSLock()
    private var counter: UInt64

    public init(start: UInt64 = 1) { counter = start }

    public func next() -> UInt64 {
        lock.withLock {
            defer { counter &+= 1 }
            return counter
        }
    }
}
