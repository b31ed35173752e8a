#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The writers' lock: an exclusive `flock` on `DATA/lock`, held by one process for the length of one
/// commit (catch up, decide, append). The file holds the pid of the last holder, which a waiter that
/// gives up names in its message.
///
/// A store keeps one descriptor of the file (`StoreLock.File`) for the lock taken at once, without
/// waiting: the common case costs one `flock` to take and one to release. A wait opens the file
/// anew: `flock` belongs to the open file description, so a wait given up (whose thread may still
/// get the lock later, and let it go) can never hand its lock to a later acquisition. The lock is
/// released with `LOCK_UN`, so a child forked meanwhile (which holds a copy of the descriptor until it
/// execs) does not keep it.
final class StoreLock {
    /// How long a writer waits for the lock before giving up with `StoreError.locked`.
    static let defaultWaitSeconds = 5.0

    private var file: OpenFile?
    /// Whether `file` is this lock's own descriptor (closed on release) or the store's kept one.
    private let closesFile: Bool

    private init(file: OpenFile, closesFile: Bool) {
        self.file = file
        self.closesFile = closesFile
    }

    deinit { release() }

    /// The lock file held open by one store.
    final class File {
        private let layout: StoreLayout
        private var kept: OpenFile?

        init(_ layout: StoreLayout) { self.layout = layout }

        deinit { kept?.close() }

        /// Takes the lock, waiting at most `seconds` while another holds it; then `StoreError.locked`.
        func acquire(waitingAtMost seconds: Double) throws(StoreError) -> StoreLock {
            if kept == nil { kept = try OpenFile.openForWriting(layout.lock, create: true) }
            guard let kept else { throw .io(path: layout.lock, operation: "open", errno: EBADF) }
            if flock(kept.fd, LOCK_EX | LOCK_NB) == 0 {
                try StoreLock.sign(kept)
                return StoreLock(file: kept, closesFile: false)
            }
            guard errno == EWOULDBLOCK else { throw .io(path: layout.lock, operation: "lock", errno: errno) }
            return try StoreLock.acquire(layout, waitingAtMost: seconds)
        }
    }

    /// Takes the lock on a descriptor of its own, waiting at most `seconds` while another holds it;
    /// then `StoreError.locked`.
    static func acquire(_ layout: StoreLayout, waitingAtMost seconds: Double = defaultWaitSeconds) throws(StoreError) -> StoreLock {
        let file = try OpenFile.openForWriting(layout.lock, create: true)
        var outcome: LockWait.Outcome = flock(file.fd, LOCK_EX | LOCK_NB) == 0 ? .acquired : .failed(errno)
        let mayWait = seconds > 0
        if case let .failed(code) = outcome, code == EWOULDBLOCK, mayWait {
            outcome = LockWait.start(fd: file.fd).wait(seconds: seconds)
        }
        switch outcome {
        case .acquired:
            break
        case .timedOut:
            // The descriptor now belongs to the waiting thread: the holder's pid is read anew.
            throw .locked(folder: layout.folder, pid: holder(layout))
        case let .failed(code) where code == EWOULDBLOCK && !mayWait:
            file.close()
            throw .locked(folder: layout.folder, pid: holder(layout))
        case let .failed(code):
            file.close()
            throw .io(path: layout.lock, operation: "lock", errno: code)
        }
        do {
            try sign(file)
        } catch {
            flock(file.fd, LOCK_UN)
            file.close()
            throw error
        }
        return StoreLock(file: file, closesFile: true)
    }

    /// Writes this process's pid in the lock file, unless it is there already (one writer committing
    /// again and again changes nothing on disk).
    private static func sign(_ file: OpenFile) throws(StoreError) {
        let pid = Array("\(getpid())\n".utf8)
        let current = try file.read(from: 0, count: 32)
        guard current != pid else { return }
        if current.count != pid.count { try file.truncate(to: 0) }
        try file.write(pid, at: 0)
    }

    /// The pid the lock file names: the last process that took the lock.
    private static func holder(_ layout: StoreLayout) -> Int32? {
        (try? SystemCall.readFile(layout.lock)).flatMap { $0 }.flatMap { Int32(String(decoding: $0, as: UTF8.self).filter(\.isNumber)) }
    }

    /// Releases the lock; idempotent.
    func release() {
        guard let file else { return }
        flock(file.fd, LOCK_UN)
        if closesFile { file.close() }
        self.file = nil
    }
}

/// A blocking `flock` on a thread of its own, so that the waiting can be bounded: the caller waits on
/// a semaphore with a deadline. A wait given up is marked abandoned; the thread then releases the lock
/// as soon as it gets it and closes the descriptor, which from then on belongs to the thread.
private final class LockWait: @unchecked Sendable {
    enum Outcome { case acquired, timedOut, failed(Int32) }
    private enum Phase { case waiting, done(Outcome), abandoned }

    private let fd: Int32
    private var phase = Phase.waiting
    /// Allocated, not stored inline: pthread objects must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let signal = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private init(fd: Int32) {
        self.fd = fd
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(signal, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(signal)
        pthread_mutex_destroy(mutex)
        signal.deallocate()
        mutex.deallocate()
    }

    static func start(fd: Int32) -> LockWait {
        let wait = LockWait(fd: fd)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(wait).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            let wait = Unmanaged<LockWait>.fromOpaque(context!).takeRetainedValue()
            wait.block()
            return nil
        }, context)
        if started != 0 {
            Unmanaged<LockWait>.fromOpaque(context).release()
            wait.phase = .done(.failed(started))
            return wait
        }
        pthread_detach(thread)
        return wait
    }

    /// On the thread: blocks until the lock is ours, then hands it over or, if abandoned, lets it go.
    private func block() {
        var result: Int32 = 0
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                result = errno
                break
            }
        }
        pthread_mutex_lock(mutex)
        if case .abandoned = phase {
            pthread_mutex_unlock(mutex)
            if result == 0 { flock(fd, LOCK_UN) }
            _ = close(fd)
            return
        }
        phase = .done(result == 0 ? .acquired : .failed(result))
        pthread_cond_signal(signal)
        pthread_mutex_unlock(mutex)
    }

    /// Waits at most `seconds`. After `.timedOut` the descriptor belongs to the thread and must not be used.
    func wait(seconds: Double) -> Outcome {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let nanoseconds = Int(deadline.tv_nsec) + Int((seconds - seconds.rounded(.down)) * 1e9)
        deadline.tv_sec += Int(seconds.rounded(.down)) + nanoseconds / 1_000_000_000
        deadline.tv_nsec = nanoseconds % 1_000_000_000
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if case let .done(outcome) = phase { return outcome }
            if pthread_cond_timedwait(signal, mutex, &deadline) == ETIMEDOUT {
                if case let .done(outcome) = phase { return outcome }
                phase = .abandoned
                return .timedOut
            }
        }
    }
}
