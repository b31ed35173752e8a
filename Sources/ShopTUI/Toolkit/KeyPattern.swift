/// Which keys one line of a key table answers.
public enum KeyPattern: Hashable, Sendable {
    case key(Key)
    /// Any printable character: what types into a field.
    case anyCharacter
    /// Any key at all: a y/n question's "any other key", a form that takes every key.
    case anyKey

    public func matches(_ key: Key) -> Bool {
        switch self {
        case let .key(bound): return bound == key
        case .anyCharacter: if case .character = key { return true } else { return false }
        case .anyKey: return true
        }
    }

    /// The patterns of printable characters, one each.
    public static func characters(_ text: String) -> [KeyPattern] { text.map { .key(.character($0)) } }
}
