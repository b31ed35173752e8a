import Foundation
import ShopCore
import Synchronization

/// One SSH connection, for its log line: who (user name, key fingerprint, the shop session it is
/// bound to), from where, how long, and how it ended. Never a password.
public final class ConnectionRecord: Sendable {
    struct Fields {
        var user: String?
        var fingerprint: String?
        var shopper: Shopper?
        /// The public key the connection authenticated with (none for a password).
        var key: PublicKeyEntry?
        var end: String?
    }

    public let number: Int
    public let address: String
    let started = Date()
    private let fields = Mutex(Fields())

    init(number: Int, address: String) {
        self.number = number
        self.address = address
    }

    /// The connection authenticated as `shopper`.
    func identify(user: String, fingerprint: String?, shopper: Shopper, key: PublicKeyEntry? = nil) {
        fields.withLock {
            $0.user = user
            $0.fingerprint = fingerprint
            $0.shopper = shopper
            $0.key = key
        }
    }

    /// Who is shopping on this connection, once authenticated.
    var shopper: Shopper? { fields.withLock { $0.shopper } }

    /// The public key the connection authenticated with, if it used one.
    var key: PublicKeyEntry? { fields.withLock { $0.key } }

    /// Records how the connection ended; the first reason given wins.
    func ended(_ reason: String) {
        fields.withLock { if $0.end == nil { $0.end = reason } }
    }

    /// `2026-12-05T00:20:01Z connection=12 from=127.0.0.1 user=guest key=SHA256:… session=ssh:SHA256:… seconds=12.3 end=quit`
    func logLine(now: Date = Date()) -> String {
        let (user, fingerprint, shopper, end) = fields.withLock { ($0.user, $0.fingerprint, $0.shopper, $0.end) }
        let time = ISO8601DateFormatter().string(from: now)
        let seconds = String(format: "%.1f", now.timeIntervalSince(started))
        let who = shopper.map { shopper -> String in
            switch shopper {
            case let .session(name): return name
            case let .account(id): return "account:\(id)"
            }
        } ?? "-"
        return "\(time) connection=\(number) from=\(address) user=\(Self.clean(user ?? "-")) key=\(fingerprint ?? "-") "
            + "session=\(Self.clean(who)) seconds=\(seconds) end=\(end ?? "closed before authenticating")"
    }

    /// A user name is the client's choice: no control characters or spaces reach the log.
    static func clean(_ text: String) -> String {
        let kept = text.unicodeScalars.prefix(80).map { scalar -> String in
            scalar.value < 0x21 || scalar.value == 0x7f || (0x80..<0xa0).contains(scalar.value) ? "?" : String(scalar)
        }
        return kept.joined()
    }
}
