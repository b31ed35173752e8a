/// A screen's key table: bindings in order, the first that matches a key wins. The footer shows
/// the bindings that have a footer text, in order; the help gathers the help texts of every table.
public struct KeyMap<Action>: @unchecked Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// The binding `key` triggers, if any.
    public func binding(for key: Key) -> KeyBinding<Action>? { bindings.first { $0.matches(key) } }

    public func action(for key: Key) -> Action? { binding(for: key)?.action }

    /// The footer's keys, in the table's order.
    public var footer: [KeyHelp.Binding] { bindings.compactMap { $0.footer.map { ($0.keys, $0.text) } } }

    /// This table, then `other` for the keys this one does not bind.
    public func then(_ other: KeyMap<Action>) -> KeyMap<Action> { KeyMap(bindings + other.bindings) }

    /// The help entries of `tables` grouped under `groups` (in that order; groups not listed come
    /// after them, in the order they first appear), each entry once.
    public static func helpGroups(_ tables: [KeyMap<Action>], groups: [String]) -> [(group: String, bindings: [KeyHelp.Binding])] {
        var order = groups
        var entries: [String: [KeyHelp.Binding]] = [:]
        var seen: Set<KeyBinding<Action>.Help> = []
        for table in tables {
            for binding in table.bindings {
                guard let help = binding.help, seen.insert(help).inserted else { continue }
                if !order.contains(help.group) { order.append(help.group) }
                entries[help.group, default: []].append((help.keys, help.text))
            }
        }
        return order.compactMap { group in entries[group].map { (group, $0) } }
    }
}
