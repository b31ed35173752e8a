/// Why `comptoir serve` cannot start.
public enum ServeError: Error, Sendable, CustomStringConvertible {
    case hostKey(String)
    case listen(String)
    case badListenAddress(String)

    public var description: String {
        switch self {
        case let .hostKey(problem): return "the host key: \(problem)"
        case let .listen(problem): return "cannot listen: \(problem)"
        case let .badListenAddress(value):
            return "--listen '\(value)' is not HOST:PORT with a port from 1 to 65535 (e.g. 127.0.0.1:2222)"
        }
    }
}
