/// Who acts on the shop, and whose cart an event changes.
///
/// A session is one visitor: the terminal shop and the command line share `local`, `--session NAME`
/// is `local:NAME`, an SSH connection will be `ssh:<fingerprint>`. A session has its own guest cart
/// until it logs in; a logged-in session acts for its account and uses the account's cart, so two
/// sessions of one account share it. An account acts by itself for one command (`--email`): its
/// password was verified by the caller, and no session is started or touched.
public enum Shopper: Hashable, Sendable, CustomStringConvertible {
    case session(String)
    case account(AccountID)

    /// The session the terminal shop and the command line share when none is named.
    public static let localSessionName = "local"
    public static let local = Shopper.session(localSessionName)

    /// The longest session name `--session` accepts.
    public static let longestSessionName = 64

    /// The local session `--session NAME` (or `COMPTOIR_SESSION`) names: `local:NAME`. The name is
    /// 1 to 64 ASCII letters, digits, `-`, `_` or `.`.
    public static func localSession(named name: String) throws(SessionNameError) -> Shopper {
        guard !name.isEmpty else { throw .empty }
        guard name.utf8.count <= longestSessionName else { throw .tooLong(name.utf8.count) }
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }) else {
            throw .invalidCharacters
        }
        return .session("\(localSessionName):\(name)")
    }

    /// The session's name, nil for an account acting by itself.
    public var sessionName: String? {
        if case let .session(name) = self { return name }
        return nil
    }

    public var description: String {
        switch self {
        case let .session(name): return "session \(name)"
        case let .account(id): return "account \(id)"
        }
    }
}

/// Why a `--session` name was refused.
public enum SessionNameError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case invalidCharacters

    public var description: String {
        let rule = "a session name is 1 to \(Shopper.longestSessionName) letters, digits, '-', '_' or '.'"
        switch self {
        case .empty: return "the session name is empty: \(rule)"
        case let .tooLong(length): return "the session name is \(length) bytes long: \(rule)"
        case .invalidCharacters: return "the session name holds other characters: \(rule)"
        }
    }
}
