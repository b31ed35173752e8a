import Dispatch
import Foundation
import ShopCore
import ShopService
import ShopStore

/// Owns the application layer (`ShopService`, and so the `Store`) and carries out every store
/// operation of the terminal runtime on one serial queue, off the thread that reads keys and draws
/// frames: commits (fsync, mail), following other processes, catching up with shop time, mailbox
/// reads and read marks, and finishing logins and registrations (their password work runs on the
/// password queue meanwhile, so a login's scrypt never holds up another session's commit).
///
/// Several sessions may share one worker, and so one store (`comptoir serve`: one session a
/// customer, all driven from one thread). Each session attaches as a requester; the outcome of a
/// request lands in the outbox of the session that asked (`take`), never in another's. The new
/// state of the shop is published as a `ShopSnapshot` that every session shows (`.shopChanged`):
/// a commit by one customer reaches the others' screens.
public final class ShopWorker: @unchecked Sendable {
    /// Only used on `queue` (and by `sync`, which runs there).
    private let service: ShopService
    private let runner: EffectRunner
    /// Only used on `queue`: the store's sequence when the mailbox was last read, the mailbox then,
    /// and the catch-ups since.
    private var mailboxSequence: UInt64
    private var lastMailbox: [MailboxEntry]
    private var catchUpsSinceMailboxRead = 0

    private let queue = DispatchQueue(label: "comptoir.shop", qos: .userInitiated)
    private let passwords: PasswordWorker
    /// The service's clock: shop time for the screens' ticks, read on any thread.
    public let clock: any ShopClock

    /// Guards `shared`, and wakes those waiting for a requester's work.
    private let condition = NSCondition()
    private var shared: Shared

    private struct Shared {
        var snapshot: ShopSnapshot
        var outboxes: [Int: [ShopWorkResult]] = [:]
        /// Requests asked for and not finished, by requester.
        var inFlight: [Int: Set<Int>] = [:]
        var nextRequester = 1
        var nextRequest = 1
        /// Shared requests queued and not started (a refresh, a catch-up), with who waits for them.
        var queuedRefresh: Int?
        var queuedCatchUp: Int?
        var joined: [Int: Set<Int>] = [:]
        /// The shared requests not finished: upkeep, which does not keep a session busy.
        var upkeep: Set<Int> = []
    }

    /// Takes `service` over: from now on only the worker uses it (and its store).
    public init(service: ShopService) {
        self.service = service
        runner = EffectRunner(service: service)
        clock = service.clock
        passwords = PasswordWorker(hasher: service.hasher)
        lastMailbox = (try? service.mailbox.allMessages()) ?? []
        mailboxSequence = service.store.sequence
        shared = Shared(snapshot: ShopSnapshot(store: service.store, mailbox: lastMailbox))
    }

    /// The shop as last published.
    public var snapshot: ShopSnapshot { locked { $0.snapshot } }

    /// Shop time now, by the published shop's clock offset: what the screens tick with.
    public var now: ShopInstant { snapshot.state.shopTime(wallClock: clock.now) }

    /// Runs `body` with the service on the worker's queue and waits for it; what it changed is
    /// published to every session. For setting a shop up, tests and benchmarks: the terminal loop
    /// never waits. Never call it from work the worker runs.
    public func sync<T>(_ body: (ShopService) throws -> T) rethrows -> T {
        try queue.sync {
            defer { publish(refreshed: false) }
            return try body(service)
        }
    }

    /// Closes the store once the work queued before is done. Nothing may be asked afterwards.
    public func close() throws(StoreError) {
        let outcome: Result<Void, StoreError> = queue.sync {
            do throws(StoreError) {
                try service.store.close()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    // MARK: Requesters

    /// A new requester (a session): its own outbox.
    func attach() -> Int {
        locked { shared in
            let id = shared.nextRequester
            shared.nextRequester += 1
            shared.outboxes[id] = []
            shared.inFlight[id] = []
            return id
        }
    }

    /// Forgets a requester (a session closed): what it asked for still runs, its outcome is dropped.
    func detach(_ requester: Int) {
        locked { shared in
            shared.outboxes[requester] = nil
            shared.inFlight[requester] = nil
            for request in shared.joined.keys { shared.joined[request]?.remove(requester) }
        }
    }

    /// What finished for `requester` since it last looked, oldest first, and the shop as published
    /// now, taken together: the snapshot is never older than a result.
    func take(_ requester: Int) -> (results: [ShopWorkResult], snapshot: ShopSnapshot) {
        locked { shared in
            let results = shared.outboxes[requester] ?? []
            if !results.isEmpty { shared.outboxes[requester] = [] }
            return (results, shared.snapshot)
        }
    }

    /// Whether a command `requester` asked for is queued, running, or finished and not taken; or
    /// the published shop is not the one at `shown`. Upkeep (`follow`, `catchUp`) does not count:
    /// the terminal loop asks for it all the time.
    func isBusy(_ requester: Int, shown: ShopSnapshot.Version) -> Bool {
        locked { shared in
            !(shared.inFlight[requester] ?? []).subtracting(shared.upkeep).isEmpty || !(shared.outboxes[requester] ?? []).isEmpty
                || shared.snapshot.version != shown
        }
    }

    /// Whether anything `requester` asked for, upkeep included, is queued or running.
    func hasInFlight(_ requester: Int) -> Bool {
        locked { !($0.inFlight[requester] ?? []).isEmpty }
    }

    /// Blocks until everything `requester` asked for is done, or `seconds` passed; true when done.
    /// For tests and benchmarks: the terminal loop never waits.
    func waitUntilIdle(_ requester: Int, timeout seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !(shared.inFlight[requester] ?? []).isEmpty {
            if !condition.wait(until: deadline) { return (shared.inFlight[requester] ?? []).isEmpty }
        }
        return true
    }

    // MARK: Requests

    /// Carries out the shop effect `effect` for `shopper`; its outcome goes to `requester` only.
    /// Returns the request's id.
    @discardableResult
    func submit(_ effect: Effect, shopper: Shopper, for requester: Int) -> Int {
        let request = begin(for: requester)
        switch effect {
        case let .logIn(email, password):
            queue.async {
                let check = self.service.passwordCheck(email: email)
                self.passwords.verify(check, password: password) { work in
                    self.queue.async { self.finishAccount(.logIn(check, session: shopper.sessionName), work, request, requester) }
                }
            }
        case let .register(registration, password):
            queue.async {
                do throws(ServiceError) {
                    try self.service.checkAddressFree(registration)
                } catch {
                    self.post(request, to: [requester], [.commandFailed(error.description)])
                    return
                }
                self.passwords.hash(password: password) { work in
                    self.queue.async { self.finishAccount(.register(registration, session: shopper.sessionName), work, request, requester) }
                }
            }
        default:
            queue.async {
                self.post(request, to: [requester], self.runner.outcome(of: effect, for: shopper) ?? [])
            }
        }
        return request
    }

    /// Runs `body` with the service on the worker's queue; the messages it returns go to
    /// `requester` only, like a command's outcome. For the use cases of another application than
    /// the shop's effects (the back office's staff login). Returns the request's id.
    @discardableResult
    func submit(for requester: Int, _ body: @escaping @Sendable (ShopService) -> [Message]) -> Int {
        let request = begin(for: requester)
        queue.async { self.post(request, to: [requester], body(self.service)) }
        return request
    }

    /// Asks the worker to read what other processes committed; requests already queued are joined,
    /// so many sessions following at once cost one read. Returns the request's id.
    @discardableResult
    func follow(for requester: Int) -> Int {
        join(\.queuedRefresh, for: requester) { request in
            self.queue.async {
                let waiting = self.start(request, queued: \.queuedRefresh)
                let problem = self.refresh()
                self.post(request, to: waiting, [], refreshed: true, problem: problem)
            }
        }
    }

    /// Asks the worker to follow other processes and journal what shop time made due (scans,
    /// expiries), and now and then to read the mailbox again; joined like `follow`. The outcome is
    /// the shop's, published to every session, never one session's result.
    @discardableResult
    func catchUp(for requester: Int) -> Int {
        join(\.queuedCatchUp, for: requester) { request in
            self.queue.async {
                let waiting = self.start(request, queued: \.queuedCatchUp)
                var problem = self.refresh()
                do throws(ServiceError) {
                    try self.service.catchUp()
                } catch {
                    problem = problem ?? FollowingProblem(error)
                }
                self.catchUpsSinceMailboxRead += 1
                let rereadsMailbox = self.catchUpsSinceMailboxRead >= 5
                self.post(request, to: waiting, [], refreshed: true, problem: problem, rereadsMailbox: rereadsMailbox)
            }
        }
    }

    // MARK: On the queue

    /// The refresh's problem, if any.
    private func refresh() -> FollowingProblem? {
        do throws(StoreError) {
            try service.refresh()
            return nil
        } catch {
            return FollowingProblem(error)
        }
    }

    private enum AccountRequest {
        case logIn(PasswordCheck, session: String?)
        case register(AccountRegistration, session: String?)
    }

    /// Finishes on the store the login or registration whose password work is done.
    private func finishAccount(_ pending: AccountRequest, _ work: PasswordWork, _ request: Int, _ requester: Int) {
        let messages: [Message]
        switch (pending, work) {
        case let (.logIn(check, session), .verified(right)):
            messages = runner.loggedIn { () throws(ServiceError) in try service.finishLogIn(check, verified: right, session: session) }
        case let (.register(registration, session), .hashed(hash)):
            messages = runner.registered(registration) { () throws(ServiceError) in
                try service.finishRegistration(registration, passwordHash: hash, session: session)
            }
        case let (_, .failed(reason)):
            messages = [.commandFailed("The password could not be hashed: \(reason)")]
        case (.logIn, .hashed), (.register, .verified):
            messages = [.commandFailed("The login could not be finished: try again")]
        }
        post(request, to: [requester], messages)
    }

    /// Publishes the shop as the store has it now, and hands `messages` to those waiting for
    /// `request`. The mailbox in them goes into the snapshot; after a refresh (`refreshed`) it is
    /// read again when the journal moved since it was last read, or when `rereadsMailbox`.
    private func post(
        _ request: Int, to requesters: Set<Int>, _ messages: [Message], refreshed: Bool = false, problem: FollowingProblem? = nil,
        rereadsMailbox: Bool = false
    ) {
        var results: [Message] = []
        var mailbox: [MailboxEntry]?
        for message in messages {
            if case let .mailboxChanged(entries) = message { mailbox = entries } else { results.append(message) }
        }
        let store = service.store
        if mailbox == nil, refreshed, rereadsMailbox || store.sequence != mailboxSequence {
            mailbox = try? service.mailbox.allMessages()
            catchUpsSinceMailboxRead = 0
        }
        if mailbox != nil { mailboxSequence = store.sequence }
        let newMailbox = mailbox.flatMap { $0 == lastMailbox ? nil : $0 }
        if let newMailbox { lastMailbox = newMailbox }
        let sequence = store.sequence, catalogueVersion = store.catalogueVersion
        let state = store.state, warnings = store.warnings
        locked { shared in
            var snapshot = shared.snapshot
            if snapshot.version.sequence != sequence || snapshot.version.catalogueVersion != catalogueVersion {
                snapshot.state = state
                snapshot.version.sequence = sequence
                snapshot.version.catalogueVersion = catalogueVersion
            }
            if let newMailbox {
                snapshot.mailbox = newMailbox
                snapshot.version.mailboxVersion += 1
            }
            if warnings.count != snapshot.version.warningCount {
                snapshot.warnings = warnings
                snapshot.version.warningCount = warnings.count
            }
            if refreshed, problem != snapshot.problem {
                // A new problem is shown; the end of one is shown when it says something (reconnected).
                if problem != nil || snapshot.problem?.recoveryNotice != nil { snapshot.version.problemVersion += 1 }
                snapshot.recovered = problem == nil ? snapshot.problem : nil
                snapshot.problem = problem
            }
            shared.snapshot = snapshot
            for requester in requesters where shared.outboxes[requester] != nil {
                shared.outboxes[requester]?.append(ShopWorkResult(
                    requester: requester, request: request, messages: results, sequence: sequence, catalogueVersion: catalogueVersion))
                shared.inFlight[requester]?.remove(request)
            }
            shared.upkeep.remove(request)
            condition.broadcast()
        }
    }

    /// Publishes what `sync`'s body changed, addressed to nobody.
    private func publish(refreshed: Bool) {
        post(0, to: [], [], refreshed: refreshed)
    }

    // MARK: Bookkeeping

    private func begin(for requester: Int) -> Int {
        locked { shared in
            let request = shared.nextRequest
            shared.nextRequest += 1
            shared.inFlight[requester]?.insert(request)
            return request
        }
    }

    /// Joins the shared request queued at `queued`, or queues a new one with `enqueue`.
    private func join(_ queued: WritableKeyPath<Shared, Int?>, for requester: Int, enqueue: (Int) -> Void) -> Int {
        let (request, isNew) = locked { shared -> (Int, Bool) in
            if let request = shared[keyPath: queued] {
                shared.joined[request]?.insert(requester)
                shared.inFlight[requester]?.insert(request)
                return (request, false)
            }
            let request = shared.nextRequest
            shared.nextRequest += 1
            shared[keyPath: queued] = request
            shared.upkeep.insert(request)
            shared.joined[request] = [requester]
            shared.inFlight[requester]?.insert(request)
            return (request, true)
        }
        if isNew { enqueue(request) }
        return request
    }

    /// A shared request starts: later asks queue a new one. Who waits for this one.
    private func start(_ request: Int, queued: WritableKeyPath<Shared, Int?>) -> Set<Int> {
        locked { shared in
            if shared[keyPath: queued] == request { shared[keyPath: queued] = nil }
            return shared.joined.removeValue(forKey: request) ?? []
        }
    }

    private func locked<T>(_ body: (inout Shared) -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body(&shared)
    }
}
