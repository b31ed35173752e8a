/// One line of a screen's key table: the keys, how the footer and the `?` help name them, and the
/// action the screen runs. The handler dispatches from the same table the footer and the help are
/// drawn from, so what the screen says a key does is what it does.
public struct KeyBinding<Action>: @unchecked Sendable {
    /// How the footer names the binding (`↑↓` `move`); nil keeps it out of the footer.
    public struct Footer: Hashable, Sendable {
        public var keys: String
        public var text: String
    }

    /// How the help names the binding, under a group heading; nil keeps it out of the help.
    public struct Help: Hashable, Sendable {
        public var group: String
        public var keys: String
        public var text: String
    }

    public var patterns: [KeyPattern]
    public var footer: Footer?
    public var help: Help?
    public var action: Action

    public init(_ patterns: [KeyPattern], footer: (String, String)? = nil, help: (group: String, keys: String, text: String)? = nil, action: Action) {
        self.patterns = patterns
        self.footer = footer.map { Footer(keys: $0.0, text: $0.1) }
        self.help = help.map { Help(group: $0.group, keys: $0.keys, text: $0.text) }
        self.action = action
    }

    public init(_ keys: Key..., footer: (String, String)? = nil, help: (group: String, keys: String, text: String)? = nil, action: Action) {
        self.init(keys.map { KeyPattern.key($0) }, footer: footer, help: help, action: action)
    }

    public func matches(_ key: Key) -> Bool { patterns.contains { $0.matches(key) } }
}
