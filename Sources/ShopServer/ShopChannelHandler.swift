import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import ShopCore

/// One SSH session channel: `env` and `pty-req` are noted, `shell` opens the shop on a new pty
/// (its master carried by a NIO pipe channel, its slave handed to the screens), `window-change`
/// resizes it, `exec` runs an allowed customer command. The customer's bytes go to the master
/// (at most `inputBytesPerSecond`), the master's bytes come back on the channel.
final class ShopChannelHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    /// The variables of `env` requests the shop honours.
    static let honouredVariables: Set<String> = ["LANG", "LC_ALL", "NO_COLOR", "COLORTERM"]

    private let record: ConnectionRecord
    private let context: ServerContext
    private var environment: [String: String] = [:]
    private var terminal: TerminalRequest?
    private var master: Channel?
    private var masterFD: Int32 = -1
    private var started = false
    private var holdsSlot = false
    private var inputLimit: InputRateLimit

    init(record: ConnectionRecord, context: ServerContext) {
        self.record = record
        self.context = context
        self.inputLimit = InputRateLimit(bytesPerSecond: context.configuration.inputBytesPerSecond)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if master != nil {
            self.context.screens.close(connection: record.number)
            master?.close(promise: nil)
        }
        releaseSlot()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .channel = data.type, case var .byteBuffer(bytes) = data.data, let master else { return }
        let allowed = inputLimit.admit(bytes.readableBytes, at: DispatchTime.now().uptimeNanoseconds)
        guard allowed > 0, let slice = bytes.readSlice(length: allowed) else { return }
        master.writeAndFlush(slice, promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let event as SSHChannelRequestEvent.EnvironmentRequest:
            if Self.honouredVariables.contains(event.name), event.value.utf8.count <= 256 { environment[event.name] = event.value }
            reply(event.wantReply, context: context)
        case let event as SSHChannelRequestEvent.PseudoTerminalRequest:
            let term = event.term.isEmpty ? "xterm-256color" : event.term
            terminal = TerminalRequest(
                term: term, width: Self.clamp(event.terminalCharacterWidth), height: Self.clamp(event.terminalRowHeight), environment: [:])
            reply(event.wantReply, context: context)
        case let event as SSHChannelRequestEvent.ShellRequest:
            shell(context: context, wantReply: event.wantReply)
        case let event as SSHChannelRequestEvent.ExecRequest:
            exec(event.command, context: context, wantReply: event.wantReply)
        case let event as SSHChannelRequestEvent.WindowChangeRequest:
            resize(width: Self.clamp(event.terminalCharacterWidth), height: Self.clamp(event.terminalRowHeight))
        case ChannelEvent.inputClosed:
            // The customer's side closed its input (EOF): the shop has nothing more to read.
            if master == nil, !started { context.close(promise: nil) }
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Terminal sizes from the client, kept to what a screen can be (0 means "unknown": 80×24).
    static func clamp(_ value: Int) -> Int { value <= 0 ? 0 : min(value, 1_000) }

    private func reply(_ wantReply: Bool, context: ChannelHandlerContext, success: Bool = true) {
        guard wantReply else { return }
        context.channel.triggerUserOutboundEvent(success ? ChannelSuccessEvent() : ChannelFailureEvent(), promise: nil)
    }

    private func shell(context: ChannelHandlerContext, wantReply: Bool) {
        guard !started, let shopper = record.shopper else { return reply(wantReply, context: context, success: false) }
        started = true
        reply(wantReply, context: context)
        guard var terminal else {
            return finish(context: context, line: "comptoir: the shop needs a terminal: connect with 'ssh -t'", status: 1, end: "no pty")
        }
        guard takeSlot() else {
            let full = "comptoir: the shop is full (\(self.context.configuration.maxSessions) customers): please try again in a minute"
            return finish(context: context, line: full, status: 1, end: "refused: full")
        }
        if terminal.width == 0 { terminal.width = 80 }
        if terminal.height == 0 { terminal.height = 24 }
        terminal.environment = environment
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(terminal.height), ws_col: UInt16(terminal.width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            return finish(context: context, line: "comptoir: no terminal could be opened for you: please try again", status: 1, end: "no pty available")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        masterFD = master
        let channel = context.channel
        let loopBound = NIOLoopBound(self, eventLoop: channel.eventLoop)
        let output = MasterOutputHandler(ssh: channel)
        let bootstrap = NIOPipeBootstrap(group: channel.eventLoop)
            .channelOption(ChannelOptions.allowRemoteHalfClosure, value: false)
            .channelInitializer { pipe in
                pipe.eventLoop.makeCompletedFuture { try pipe.pipeline.syncOperations.addHandler(output) }
            }
        let connection = record.number
        let screens = self.context.screens
        bootstrap.takingOwnershipOfDescriptor(inputOutput: master).whenComplete { result in
            let handler = loopBound.value
            switch result {
            case let .success(pipe):
                handler.master = pipe
                let record = handler.record
                screens.open(connection: connection, slave: slave, terminal: terminal, shopper: shopper, key: record.key) { reason in
                    record.ended(reason)
                    channel.eventLoop.execute { loopBound.value.sessionEnded(pipe: pipe, channel: channel, reason: reason) }
                }
            case .failure:
                close(slave)
                handler.finish(channel: channel, line: "comptoir: no terminal could be opened for you: please try again", status: 1, end: "no pty available")
            }
        }
    }

    /// The screen closed: once the master gave its last bytes (its read ends when the slave is
    /// closed), the exit status goes out and the channel closes. A master that does not end within
    /// two seconds is closed anyway.
    private func sessionEnded(pipe: Channel, channel: Channel, reason: String) {
        let status: Int32 = reason == "quit" ? 0 : 1
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(2)) { pipe.close(promise: nil) }
        pipe.closeFuture.whenComplete { _ in
            timeout.cancel()
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(status))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }

    private func resize(width: Int, height: Int) {
        guard master != nil, masterFD >= 0, width > 0, height > 0 else { return }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(masterFD, UInt(TIOCSWINSZ), &size)
        context.screens.resize(connection: record.number, width: width, height: height)
    }

    private func exec(_ line: String, context: ChannelHandlerContext, wantReply: Bool) {
        guard !started, let shopper = record.shopper else { return reply(wantReply, context: context, success: false) }
        started = true
        reply(wantReply, context: context)
        let command: ExecCommand
        switch ExecCommand.parse(line) {
        case let .success(parsed): command = parsed
        case let .failure(refusal):
            return finish(context: context, line: "comptoir: \(refusal)", status: 64, end: "exec refused", toErrors: true)
        }
        guard takeSlot() else {
            return finish(context: context, line: "comptoir: the shop is full: please try again in a minute", status: 75, end: "refused: full", toErrors: true)
        }
        let channel = context.channel
        let record = self.record
        let loopBound = NIOLoopBound(self, eventLoop: channel.eventLoop)
        self.context.exec.run(command, session: shopper, environment: environment) { outcome in
            channel.eventLoop.execute {
                var output = channel.allocator.buffer(capacity: outcome.output.count)
                output.writeBytes(outcome.output)
                var errors = channel.allocator.buffer(capacity: outcome.errors.count)
                errors.writeBytes(outcome.errors)
                if output.readableBytes > 0 { channel.write(SSHChannelData(type: .channel, data: .byteBuffer(output)), promise: nil) }
                if errors.readableBytes > 0 { channel.write(SSHChannelData(type: .stdErr, data: .byteBuffer(errors)), promise: nil) }
                channel.flush()
                record.ended("exec \(command.arguments[0]) status \(outcome.status)")
                loopBound.value.releaseSlot()
                channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(outcome.status))).whenComplete { _ in
                    channel.close(promise: nil)
                }
            }
        }
    }

    private func finish(context: ChannelHandlerContext, line: String, status: Int32, end: String, toErrors: Bool = false) {
        finish(channel: context.channel, line: line, status: status, end: end, toErrors: toErrors)
    }

    /// Says one line, sends the exit status and closes the channel.
    private func finish(channel: Channel, line: String, status: Int32, end: String, toErrors: Bool = false) {
        record.ended(end)
        releaseSlot()
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line + "\r\n")
        channel.writeAndFlush(SSHChannelData(type: toErrors ? .stdErr : .channel, data: .byteBuffer(buffer)), promise: nil)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(status))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func takeSlot() -> Bool {
        guard !holdsSlot else { return true }
        holdsSlot = context.sessions.take(limit: context.configuration.maxSessions)
        return holdsSlot
    }

    private func releaseSlot() {
        guard holdsSlot else { return }
        holdsSlot = false
        context.sessions.release()
    }
}

/// The pty master's bytes (what ncurses drew) out on the SSH channel. It never stops reading the
/// master, so the screens' thread never blocks writing a frame to a slow client's pty; a client
/// that takes nothing while more than `backlogLimit` bytes wait for it is disconnected.
final class MasterOutputHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    static let backlogLimit = 8 << 20

    private let ssh: Channel
    /// Bytes written while the SSH channel was not writable (its window or socket full).
    private var backlog = 0

    init(ssh: Channel) {
        self.ssh = ssh
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        if ssh.isWritable {
            backlog = 0
        } else {
            backlog += bytes.readableBytes
            if backlog > Self.backlogLimit {
                ssh.close(promise: nil)
                context.close(promise: nil)
                return
            }
        }
        ssh.write(SSHChannelData(type: .channel, data: .byteBuffer(bytes)), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        ssh.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO once the slave is closed: the screen ended.
        context.close(promise: nil)
    }
}
