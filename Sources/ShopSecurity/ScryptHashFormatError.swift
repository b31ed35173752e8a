/// Why a stored hash string is not a readable scrypt hash (`scrypt$N$r$p$base64salt$base64hash`).
public enum ScryptHashFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    case notScrypt(scheme: String?)
    case wrongFieldCount(Int)
    case parameterNotANumber(name: String, text: String)
    case parameterOutOfRange(name: String, value: Int, allowed: ClosedRange<Int>)
    case roundsNotPowerOfTwo(Int)
    case tooMuchMemory(bytes: Int, maximum: Int)
    case invalidBase64(field: String)
    case saltLengthOutOfRange(Int, allowed: ClosedRange<Int>)
    case keyLengthOutOfRange(Int, allowed: ClosedRange<Int>)

    public var description: String {
        let shape = "expected scrypt$N$r$p$base64salt$base64hash"
        switch self {
        case let .notScrypt(scheme):
            return "the stored hash uses scheme '\(scheme ?? "")', not scrypt: \(shape)"
        case let .wrongFieldCount(count):
            return "the stored hash has \(count) '$'-separated fields instead of 6: \(shape)"
        case let .parameterNotANumber(name, text):
            return "scrypt parameter \(name) is '\(text)', not a whole number: \(shape)"
        case let .parameterOutOfRange(name, value, allowed):
            return "scrypt parameter \(name) is \(value): it must be between \(allowed.lowerBound) and \(allowed.upperBound)"
        case let .roundsNotPowerOfTwo(rounds):
            return "scrypt parameter N is \(rounds): it must be a power of two such as 32768"
        case let .tooMuchMemory(bytes, maximum):
            return "scrypt parameters would use \(bytes >> 20) MiB: at most \(maximum >> 20) MiB (128·N·r·p bytes) is allowed"
        case let .invalidBase64(field):
            return "the stored hash's \(field) is not valid base64"
        case let .saltLengthOutOfRange(count, allowed):
            return "the stored hash's salt has \(count) bytes: it must have \(allowed.lowerBound) to \(allowed.upperBound)"
        case let .keyLengthOutOfRange(count, allowed):
            return "the stored hash's key has \(count) bytes: it must have \(allowed.lowerBound) to \(allowed.upperBound)"
        }
    }
}
