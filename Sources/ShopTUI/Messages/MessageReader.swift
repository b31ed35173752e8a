/// The message open in the reader, and how far it is scrolled.
public struct MessageReader: Hashable, Sendable {
    public var key: String
    public var scroll = 0

    public init(key: String, scroll: Int = 0) {
        self.key = key
        self.scroll = scroll
    }
}
