/// Why a theme file could not be used; names the file, the line and the key.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String?
    public var problem: String

    public init(file: String, line: Int, key: String?, problem: String) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        if let key { return "theme \(place): key '\(key)': \(problem)" }
        return "theme \(place): \(problem)"
    }
}
