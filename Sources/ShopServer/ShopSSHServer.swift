import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import ShopCore
import Synchronization

/// `comptoir serve`'s network side: an SSH server (swift-nio-ssh) where each connection is one
/// customer. It authenticates (`ShopAuthentication`), enforces the limits (sessions, connections
/// per address and minute, input bytes per second), moves bytes between SSH channels and the pty
/// masters, runs `exec` commands, and writes one log line per connection on standard error.
/// Everything that draws or touches the store happens in `ShopScreens`, on one thread.
public final class ShopSSHServer: Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        public var port = 2222
        public var maxSessions = 1_000
        public var connectionsPerMinutePerAddress = 120
        public var inputBytesPerSecond = 64 * 1024
        /// A connection that has not opened a shell or run a command after this long is closed.
        public var setupTimeout: TimeAmount = .seconds(60)
        public var dataFolder: String
        /// This `comptoir` binary, run for `exec` requests.
        public var executable: String

        public init(dataFolder: String, executable: String) {
            self.dataFolder = dataFolder
            self.executable = executable
        }

        /// `HOST:PORT`, `[v6]:PORT` or `PORT`.
        public mutating func listen(_ value: String) throws(ServeError) {
            var hostPart = host
            var portPart = value
            if let colon = value.lastIndex(of: ":") {
                hostPart = String(value[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                portPart = String(value[value.index(after: colon)...])
            }
            guard !hostPart.isEmpty, let port = Int(portPart), (1...65_535).contains(port) else { throw .badListenAddress(value) }
            host = hostPart
            self.port = port
        }
    }

    private let context: ServerContext
    private let group: MultiThreadedEventLoopGroup
    private let listener = Mutex<Channel?>(nil)
    private let connections = Mutex<[Int: Channel]>([:])
    private let nextConnection = Mutex(0)

    public init(configuration: Configuration, hostKey: SSHHostKey, screens: any ShopScreens) {
        context = ServerContext(
            configuration: configuration, screens: screens, hostKey: hostKey,
            exec: ExecRunner(executable: configuration.executable, dataFolder: configuration.dataFolder),
            sessions: SessionSlots(), rate: ConnectionRateLimit(perMinute: configuration.connectionsPerMinutePerAddress))
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    /// Binds and starts accepting; returns the address bound (`127.0.0.1:2222`).
    public func start() throws(ServeError) -> String {
        let context = self.context
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socket(SocketOptionLevel(SOL_SOCKET), SO_REUSEADDR), value: 1)
            .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_NODELAY), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture { try self.accept(channel, context: context) }
            }
        do {
            let channel = try bootstrap.bind(host: context.configuration.host, port: context.configuration.port).wait()
            listener.withLock { $0 = channel }
            let address = channel.localAddress
            return "\(address?.ipAddress ?? context.configuration.host):\(address?.port ?? context.configuration.port)"
        } catch {
            throw .listen("\(context.configuration.host):\(context.configuration.port): \(error)")
        }
    }

    private func accept(_ channel: Channel, context: ServerContext) throws {
        let address = channel.remoteAddress?.ipAddress ?? "?"
        let number = nextConnection.withLock { value -> Int in
            value += 1
            return value
        }
        let record = ConnectionRecord(number: number, address: address)
        guard context.rate.admit(address) else {
            record.ended("refused: too many connections from this address")
            Self.log(record)
            channel.close(promise: nil)
            return
        }
        connections.withLock { $0[number] = channel }
        channel.closeFuture.whenComplete { [self] _ in
            connections.withLock { _ = $0.removeValue(forKey: number) }
            Self.log(record)
        }
        let setup = channel.eventLoop.scheduleTask(in: context.configuration.setupTimeout) {
            if record.shopper == nil {
                record.ended("no authentication in time")
                channel.close(promise: nil)
            }
        }
        channel.closeFuture.whenComplete { _ in setup.cancel() }
        let handler = NIOSSHHandler(
            role: .server(.init(hostKeys: [context.hostKey.key], userAuthDelegate: ShopAuthentication(record: record, screens: context.screens))),
            allocator: channel.allocator,
            inboundChildChannelInitializer: { child, type in
                guard case .session = type else { return child.eventLoop.makeFailedFuture(ServeError.listen("only session channels")) }
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ShopChannelHandler(record: record, context: context))
                }
            })
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.pipeline.syncOperations.addHandler(ConnectionErrorHandler(record: record))
    }

    /// Stops accepting, closes every connection (the screens were told and closed first) and
    /// waits at most `seconds` for them to go.
    public func stop(waitingAtMost seconds: Int64 = 10) {
        let listening = listener.withLock { $0 }
        try? listening?.close().wait()
        let open = connections.withLock { Array($0.values) }
        let closed = open.map { $0.close() }
        let done = DispatchSemaphore(value: 0)
        EventLoopFuture.andAllComplete(closed, on: group.next()).whenComplete { _ in done.signal() }
        _ = done.wait(timeout: .now() + .seconds(Int(seconds)))
        try? group.syncShutdownGracefully()
    }

    static func log(_ record: ConnectionRecord) {
        FileHandle.standardError.write(Data((record.logLine() + "\n").utf8))
    }
}

/// What every connection's handlers share.
struct ServerContext: Sendable {
    let configuration: ShopSSHServer.Configuration
    let screens: any ShopScreens
    let hostKey: SSHHostKey
    let exec: ExecRunner
    let sessions: SessionSlots
    let rate: ConnectionRateLimit
}

/// The count of open shop sessions (shells and commands), against `--max-sessions`.
final class SessionSlots: Sendable {
    private let open = Mutex(0)

    func take(limit: Int) -> Bool {
        open.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() { open.withLock { $0 -= 1 } }
}

/// Garbage from a client (a protocol error, a failed handshake) ends that connection only.
final class ConnectionErrorHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any
    private let record: ConnectionRecord

    init(record: ConnectionRecord) {
        self.record = record
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        record.ended("error: \(ConnectionRecord.clean(String(describing: error).prefix(120).description))")
        context.close(promise: nil)
    }
}
