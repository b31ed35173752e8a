@preconcurrency import Glibc
import ShopCore
import ShopService
import Synchronization

/// A customer's terminal as the SSH side hands it to the screen host: the pty's slave end (the
/// host owns it from then on), what `pty-req` and `env` said, and who is shopping.
public struct HostedTerminalRequest: Sendable {
    public var connection: Int
    public var slave: Int32
    public var term: String
    public var width: Int
    public var height: Int
    public var environment: [String: String]
    public var shopper: Shopper
    /// The public key the customer connected with: a registration in the shop adds it to the new account.
    public var key: PublicKeyEntry?
    /// Called once, on the host's thread, when the session ended and its screen is closed (the
    /// slave is closed too, so the pty's master reads the last bytes and then its end).
    public var ended: @Sendable (HostedSessionEnd) -> Void

    public init(
        connection: Int, slave: Int32, term: String, width: Int, height: Int, environment: [String: String], shopper: Shopper,
        key: PublicKeyEntry? = nil, ended: @escaping @Sendable (HostedSessionEnd) -> Void
    ) {
        self.connection = connection
        self.slave = slave
        self.term = term
        self.width = width
        self.height = height
        self.environment = environment
        self.shopper = shopper
        self.key = key
        self.ended = ended
    }
}

/// How a hosted session ended, for the connection's log line.
public enum HostedSessionEnd: String, Sendable {
    case quit = "quit"
    case closedByClient = "closed by the client"
    case idle = "idle timeout"
    case serverStopping = "server stopping"
    case hangUp = "terminal hung up"
    case unknownTerminal = "unknown TERM"
}

/// The screen host's letterbox: any thread (the SSH event loops) posts what happened — a new
/// customer, a window change, a closed connection, work that needs the store — and the host's one
/// thread, the only one that calls ncurses or the store, takes it. Posting writes a byte to a pipe
/// the host waits on, so it wakes at once.
public final class ScreenHostInbox: Sendable {
    enum Event: Sendable {
        case open(HostedTerminalRequest)
        case resize(connection: Int, width: Int, height: Int)
        case close(connection: Int)
        case job(@Sendable (ShopService) -> Void)
        case stop
    }

    private let events = Mutex<[Event]>([])
    /// Read end and write end of the wake-up pipe (both non-blocking).
    let wakeRead: Int32
    private let wakeWrite: Int32

    public init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } else {
            ends = [-1, -1]
        }
        wakeRead = ends[0]
        wakeWrite = ends[1]
    }

    deinit {
        Glibc.close(wakeRead)
        Glibc.close(wakeWrite)
    }

    /// Opens the shop on this customer's pty.
    public func open(_ request: HostedTerminalRequest) { post(.open(request)) }

    /// The customer's window changed size (the master's size is already set).
    public func resize(connection: Int, width: Int, height: Int) { post(.resize(connection: connection, width: width, height: height)) }

    /// The connection went away: end its session.
    public func close(connection: Int) { post(.close(connection: connection)) }

    /// Runs `job` on the host's thread with the shop's service (an account lookup, a login's
    /// quick halves).
    public func perform(_ job: @escaping @Sendable (ShopService) -> Void) { post(.job(job)) }

    /// Asks the host to tell every customer, close every screen and return.
    public func stop() { post(.stop) }

    private func post(_ event: Event) {
        events.withLock { $0.append(event) }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Everything posted since the last call, oldest first; empties the wake-up pipe.
    func take() -> [Event] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
        return events.withLock { events in
            defer { events = [] }
            return events
        }
    }
}
