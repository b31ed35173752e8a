/// The cost of one scrypt hash: `rounds` (N, a power of two), `blockSize` (r) and `parallelism` (p).
/// Memory used is about 128·N·r·p bytes: 32 MiB for the production parameters.
///
/// The bounds below also limit what a stored hash may ask for, so a tampered hash string cannot
/// make verification allocate gigabytes.
public struct ScryptParameters: Hashable, Sendable, CustomStringConvertible {
    public let rounds: Int
    public let blockSize: Int
    public let parallelism: Int

    public static let roundsRange = 2...(1 << 20)
    /// Up to 16: swift-crypto 3.12.3 ignores its `maxMemory` argument and allows BoringSSL
    /// 128·N·r·p bytes plus one page, which is too little for r > 16 when p = 1.
    public static let blockSizeRange = 1...16
    public static let parallelismRange = 1...16
    /// At most 256 MiB of scrypt working memory.
    public static let maximumMemoryBytes = 256 << 20

    /// N = 2^15, r = 8, p = 1: 32 MiB, the interactive-login setting recommended by the scrypt
    /// paper and OWASP's password storage cheat sheet.
    public static let production = ScryptParameters(checkedRounds: 1 << 15, blockSize: 8, parallelism: 1)

    public init(rounds: Int, blockSize: Int, parallelism: Int) throws(ScryptHashFormatError) {
        guard Self.roundsRange.contains(rounds) else {
            throw .parameterOutOfRange(name: "N", value: rounds, allowed: Self.roundsRange)
        }
        guard rounds & (rounds - 1) == 0 else { throw .roundsNotPowerOfTwo(rounds) }
        guard Self.blockSizeRange.contains(blockSize) else {
            throw .parameterOutOfRange(name: "r", value: blockSize, allowed: Self.blockSizeRange)
        }
        guard Self.parallelismRange.contains(parallelism) else {
            throw .parameterOutOfRange(name: "p", value: parallelism, allowed: Self.parallelismRange)
        }
        let memory = 128 * rounds * blockSize * parallelism
        guard memory <= Self.maximumMemoryBytes else {
            throw .tooMuchMemory(bytes: memory, maximum: Self.maximumMemoryBytes)
        }
        self.init(checkedRounds: rounds, blockSize: blockSize, parallelism: parallelism)
    }

    private init(checkedRounds: Int, blockSize: Int, parallelism: Int) {
        self.rounds = checkedRounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    public var description: String { "scrypt N=\(rounds) r=\(blockSize) p=\(parallelism)" }
}
