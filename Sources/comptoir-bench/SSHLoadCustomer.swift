import Crypto
import NIOCore
import NIOPosix
import NIOSSH

/// One simulated customer of `comptoir serve` for `comptoir-bench ssh`: an SSH client on
/// swift-nio-ssh with an ed25519 key of its own (so a guest with a cart of its own), asking for a
/// pty and a shell like `ssh -t` does, then pressing keys and timing the first byte of each redraw.
///
/// Every mutable field is used on `eventLoop` only (the NIO handlers call in on it, and the public
/// calls hop onto it), which is why the class may be shared with the benchmark's thread.
final class SSHLoadCustomer: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let eventLoop: EventLoop
    private let key = NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey())
    private var connection: Channel?
    private var session: Channel?
    /// The last bytes received, where the first screen's marker is looked for.
    private var tail: [UInt8] = []
    private var marker: [UInt8] = []
    private var firstScreen: EventLoopPromise<Void>?
    /// The key waiting for its redraw: when it was sent, and who waits for the latency.
    private var awaitingRedraw: (sentAt: Double, promise: EventLoopPromise<Double?>, timeout: Scheduled<Void>)?
    private(set) var bytesReceived = 0

    /// Connect → SSH session channel open (key exchange, authentication, channel), in ms.
    private(set) var handshakeMilliseconds: Double?
    /// Connect → the shop's first screen seen, in ms.
    private(set) var firstScreenMilliseconds: Double?

    init(eventLoop: EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Connects as `guest`, opens a session with a `width`×`height` pty and a shell; succeeds once
    /// `marker` (text the shop's first screen shows) has arrived.
    func open(host: String, port: Int, width: Int, height: Int, marker: String) -> EventLoopFuture<Void> {
        eventLoop.flatSubmit { self.openOnLoop(host: host, port: port, width: width, height: height, marker: marker) }
    }

    private func openOnLoop(host: String, port: Int, width: Int, height: Int, marker: String) -> EventLoopFuture<Void> {
        let started = LatencySamples.wallMilliseconds()
        self.marker = Array(marker.utf8)
        let shown = eventLoop.makePromise(of: Void.self)
        firstScreen = shown
        let offer = KeyOffer(user: "guest", key: key)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .channelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_NODELAY), value: 1)
            .connectTimeout(.seconds(30))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let configuration = SSHClientConfiguration(userAuthDelegate: offer, serverAuthDelegate: AnyHostKey())
                    try channel.pipeline.syncOperations.addHandler(
                        NIOSSHHandler(role: .client(configuration), allocator: channel.allocator, inboundChildChannelInitializer: nil))
                    try channel.pipeline.syncOperations.addHandler(CloseOnError())
                }
            }
        return bootstrap.connect(host: host, port: port).flatMap { connection in
            self.connection = connection
            connection.closeFuture.whenComplete { _ in
                self.firstScreen?.fail(Failure(description: "the connection closed before the first screen"))
                self.firstScreen = nil
            }
            let opened = connection.eventLoop.makePromise(of: Channel.self)
            do {
                let ssh = try connection.pipeline.syncOperations.handler(type: NIOSSHHandler.self)
                ssh.createChannel(opened, channelType: .session) { child, _ in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(SessionOutput(customer: self))
                    }
                }
            } catch {
                opened.fail(error)
            }
            return opened.futureResult
        }.flatMap { session in
            self.session = session
            self.handshakeMilliseconds = LatencySamples.wallMilliseconds() - started
            let pty = SSHChannelRequestEvent.PseudoTerminalRequest(
                wantReply: true, term: "xterm-256color", terminalCharacterWidth: width, terminalRowHeight: height,
                terminalPixelWidth: 0, terminalPixelHeight: 0, terminalModes: SSHTerminalModes([:]))
            let environment = SSHChannelRequestEvent.EnvironmentRequest(wantReply: false, name: "LANG", value: "C.UTF-8")
            return session.triggerUserOutboundEvent(environment)
                .flatMap { session.triggerUserOutboundEvent(pty) }
                .flatMap { session.triggerUserOutboundEvent(SSHChannelRequestEvent.ShellRequest(wantReply: true)) }
        }.flatMap {
            shown.futureResult
        }.map {
            self.firstScreenMilliseconds = LatencySamples.wallMilliseconds() - started
        }
    }

    /// Sends `bytes` as typed keys; the future gives the time to the first byte the shop sent back
    /// after them (ms), or nil when nothing came within `timeout`.
    func press(_ bytes: [UInt8], timeout: TimeAmount) -> EventLoopFuture<Double?> {
        eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: Double?.self)
            guard let session = self.session, self.awaitingRedraw == nil else {
                promise.succeed(nil)
                return promise.futureResult
            }
            let sentAt = LatencySamples.wallMilliseconds()
            let timeout = self.eventLoop.scheduleTask(in: timeout) {
                guard let waiting = self.awaitingRedraw else { return }
                self.awaitingRedraw = nil
                waiting.promise.succeed(nil)
            }
            self.awaitingRedraw = (sentAt, promise, timeout)
            var buffer = session.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            session.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
            return promise.futureResult
        }
    }

    /// Closes the connection (the server ends the session as if the customer's network went away).
    func close() -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            guard let connection = self.connection else { return self.eventLoop.makeSucceededVoidFuture() }
            return connection.close().recover { _ in }
        }
    }

    /// Bytes the shop drew, from the session channel's handler.
    fileprivate func received(_ bytes: ByteBuffer) {
        let now = LatencySamples.wallMilliseconds()
        bytesReceived += bytes.readableBytes
        if let waiting = awaitingRedraw {
            awaitingRedraw = nil
            waiting.timeout.cancel()
            waiting.promise.succeed(now - waiting.sentAt)
        }
        guard let shown = firstScreen else { return }
        tail += bytes.readableBytesView
        if tail.count >= marker.count, contains(tail, marker) {
            firstScreen = nil
            tail = []
            shown.succeed(())
        } else if tail.count > 4_096 {
            tail.removeFirst(tail.count - marker.count)
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// The session channel's bytes to its customer.
private final class SessionOutput: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    private let customer: SSHLoadCustomer

    init(customer: SSHLoadCustomer) {
        self.customer = customer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .channel = data.type, case let .byteBuffer(bytes) = data.data else { return }
        customer.received(bytes)
    }
}

/// Offers the customer's key once, as `guest`; nothing else.
private final class KeyOffer: NIOSSHClientUserAuthenticationDelegate {
    private let user: String
    private let key: NIOSSHPrivateKey
    private var offered = false

    init(user: String, key: NIOSSHPrivateKey) {
        self.user = user
        self.key = key
    }

    func nextAuthenticationType(
        availableMethods: NIOSSHAvailableUserAuthenticationMethods, nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>
    ) {
        guard !offered, availableMethods.contains(.publicKey) else { return nextChallengePromise.succeed(nil) }
        offered = true
        nextChallengePromise.succeed(NIOSSHUserAuthenticationOffer(username: user, serviceName: "", offer: .privateKey(.init(privateKey: key))))
    }
}

/// The benchmark's own server on loopback: any host key is the one expected.
private final class AnyHostKey: NIOSSHClientServerAuthenticationDelegate {
    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        validationCompletePromise.succeed(())
    }
}

/// A protocol error ends that customer's connection only.
private final class CloseOnError: ChannelInboundHandler {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
