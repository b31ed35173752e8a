#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ShopCore

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

    /// The name of a message of the shop, the same wherever and however often it is delivered:
    /// its date (shop time), `S` and the shop's message sequence — together its Message-ID, so a
    /// second delivery of one message is a look-up of one name — and `R` and a digest of the
    /// recipient's address, so one account's messages are found from the names alone.
    /// E.g. `1795286283.S42R9f3c2a1b0d4e5f60.comptoir`.
    static func key(for message: OutgoingMessage) -> String {
        "\(message.date.secondsSince1970).S\(message.sequence)R\(recipientDigest(message.toAddress)).comptoir"
    }

    /// 16 hex digits of FNV-1a over the address in lower case (outer spaces ignored).
    static func recipientDigest(_ address: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in address.trimmingCharacters(in: .whitespaces).lowercased().utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The recipient digest in a name made by `key(for:)`; nil for any other name.
    static func recipientDigest(inKey key: String) -> String? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2] == "comptoir", let marker = parts[1].lastIndex(of: "R") else { return nil }
        let digest = parts[1][parts[1].index(after: marker)...]
        return digest.count == 16 ? String(digest) : nil
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
