#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-writer lock: an exclusive, non-blocking `flock` on `DATA/lock`, which holds the owner's pid.
/// `flock` belongs to the open file description, so two opens in one process also exclude each other.
final class StoreLock {
    private let file: OpenFile

    private init(file: OpenFile) { self.file = file }

    static func acquire(_ layout: StoreLayout) throws(StoreError) -> StoreLock {
        let file = try OpenFile.openForWriting(layout.lock, create: true)
        if flock(file.fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = (try? file.readAll()).flatMap { Int32(String(decoding: $0, as: UTF8.self).filter(\.isNumber)) }
            file.close()
            if code == EWOULDBLOCK || code == EAGAIN { throw .locked(folder: layout.folder, pid: holder) }
            throw .io(path: layout.lock, operation: "lock", errno: code)
        }
        do {
            try file.truncate(to: 0)
            try file.write(Array("\(getpid())\n".utf8), at: 0)
        } catch {
            file.close()
            throw error
        }
        return StoreLock(file: file)
    }

    /// Releases the lock (closing the descriptor releases the flock).
    func release() { file.close() }
}
