#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Unique Maildir file names in the modern form `SECONDS.MMICROSECONDSPpidQcounter.host`.
///
/// This is the one place that reads the wall clock: only to make the name unique, never as
/// shop time (the message's `Date` comes from shop time).
enum MaildirName {
    private static let counter = DeliveryCounter()

    static func next() -> String {
        var now = timeval()
        gettimeofday(&now, nil)
        return "\(now.tv_sec).M\(now.tv_usec)P\(getpid())Q\(counter.next()).\(host)"
    }

    /// The host name with `/` and `:` escaped as the Maildir convention says.
    static let host: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        let name = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : "localhost"
        return name.replacingOccurrences(of: "/", with: "\\057").replacingOccurrences(of: ":", with: "\\072")
    }()
}

/// A process-wide delivery counter, so two deliveries in the same microsecond get different names.
private final class DeliveryCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
