#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, typed wrappers over the POSIX calls the store needs. All filesystem access of Comptoir goes through here.
enum SystemCall {
    static let fileMode: mode_t = 0o600
    static let folderMode: mode_t = 0o700

    static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    static func fail(_ path: String, _ operation: String) -> StoreError {
        .io(path: path, operation: operation, errno: errno)
    }

    enum Kind { case missing, file, folder, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// What a path that should be a regular file is instead, in words ("a FIFO (named pipe)"); nil when
    /// it is a regular file or missing. Follows symbolic links, as opening would.
    static func specialKind(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return specialKind(mode: info.st_mode)
    }

    static func specialKind(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// Opens `path` for `flags` only when it is a regular file: a FIFO, device, socket or folder in its
    /// place is refused (`StoreError.notARegularFile`) before any blocking open or read. The check is
    /// done on the path first (so a device is never opened), then on the descriptor, opened
    /// non-blocking (so a file swapped in between cannot block either). Returns nil when missing and
    /// `flags` does not create.
    static func openRegular(_ path: String, flags: Int32, mode: mode_t = fileMode) throws(StoreError) -> Int32? {
        if let kind = specialKind(of: path) { throw .notARegularFile(path: path, kind: kind) }
        let fd = open(path, flags | O_NONBLOCK | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == ENOENT && flags & O_CREAT == 0 { return nil }
            if errno == EISDIR { throw .notARegularFile(path: path, kind: "a folder") }
            throw fail(path, "open")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let error = fail(path, "measure")
            _ = closeDescriptor(fd)
            throw error
        }
        if let kind = specialKind(mode: info.st_mode) {
            _ = closeDescriptor(fd)
            throw .notARegularFile(path: path, kind: kind)
        }
        // Back to blocking mode: regular files ignore the flag, but the descriptor is kept for writes.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    static func closeDescriptor(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.close(fd)
        #else
        return Darwin.close(fd)
        #endif
    }

    static func exists(_ path: String) -> Bool { kind(of: path) != .missing }

    /// The inode behind `path` (nil when missing): it changes when a file is replaced by rename.
    static func identity(of path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    /// Creates `path` as a 0700 folder whatever the umask; missing parents are created with the usual mode.
    static func makeFolder(_ path: String) throws(StoreError) {
        switch kind(of: path) {
        case .folder: return
        case .file, .other: throw .notAFolder(path: path)
        case .missing: break
        }
        let parent = parentFolder(of: path)
        if parent != path, !parent.isEmpty, kind(of: parent) == .missing {
            try makeParent(parent)
        }
        if mkdir(path, folderMode) != 0 && errno != EEXIST { throw fail(path, "create folder") }
        if chmod(path, folderMode) != 0 { throw fail(path, "set permissions of") }
        try syncFolder(parent.isEmpty ? "." : parent)
    }

    private static func makeParent(_ path: String) throws(StoreError) {
        let parent = parentFolder(of: path)
        if parent != path, !parent.isEmpty, kind(of: parent) == .missing { try makeParent(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw fail(path, "create folder") }
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Makes renames and creations inside `folder` durable.
    static func syncFolder(_ folder: String) throws(StoreError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail(folder, "open folder") }
        defer { close(fd) }
        if fsync(fd) != 0 { throw fail(folder, "sync folder") }
    }

    static func rename(_ from: String, to: String) throws(StoreError) {
        #if canImport(Glibc)
        let result = Glibc.rename(from, to)
        #else
        let result = Darwin.rename(from, to)
        #endif
        if result != 0 { throw fail(from, "rename to \(to)") }
    }

    /// Makes `to` a second name of `from`, replacing any previous `to` atomically.
    static func replaceLink(from: String, to: String) throws(StoreError) {
        let staging = to + ".link"
        if exists(staging) { unlink(staging) }
        if link(from, staging) != 0 { throw fail(from, "link as \(staging)") }
        try rename(staging, to: to)
    }

    /// The first `base.damaged-N` name that does not exist yet.
    static func unusedDamagedName(for base: String) -> String {
        var number = 1
        while exists("\(base).damaged-\(number)") { number += 1 }
        return "\(base).damaged-\(number)"
    }

    /// Reads a whole file; nil when it does not exist. Anything but a regular file is refused unopened.
    static func readFile(_ path: String) throws(StoreError) -> [UInt8]? {
        guard let fd = try openRegular(path, flags: O_RDONLY) else { return nil }
        defer { _ = closeDescriptor(fd) }
        return try OpenFile(fd: fd, path: path).readAll()
    }
}

/// An open file descriptor with the few operations the store uses. Not closed automatically.
struct OpenFile {
    let fd: Int32
    let path: String

    /// Opens (creating with mode 0600 whatever the umask when `create`) a file for reading and writing.
    static func openForWriting(_ path: String, create: Bool, truncate: Bool = false) throws(StoreError) -> OpenFile {
        var flags = O_RDWR
        if create { flags |= O_CREAT }
        if truncate { flags |= O_TRUNC }
        guard let fd = try SystemCall.openRegular(path, flags: flags) else {
            throw .io(path: path, operation: "open", errno: ENOENT)
        }
        if create && fchmod(fd, SystemCall.fileMode) != 0 {
            let error = SystemCall.fail(path, "set permissions of")
            OpenFile(fd: fd, path: path).close()
            throw error
        }
        return OpenFile(fd: fd, path: path)
    }

    func size() throws(StoreError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemCall.fail(path, "measure") }
        return Int(info.st_size)
    }

    func readAll() throws(StoreError) -> [UInt8] {
        try read(from: 0, count: try size())
    }

    /// Reads `count` bytes from `offset`; fewer when the file ends sooner.
    func read(from offset: Int, count: Int) throws(StoreError) -> [UInt8] {
        var failure: StoreError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = SystemCall.fail(path, "read")
                    break
                }
                if got == 0 { break }
                done += got
            }
            initialized = done
        }
        if let failure { throw failure }
        return bytes
    }

    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StoreError) {
        var done = 0
        while done < bytes.count {
            let count = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCall.fail(path, "write")
            }
            done += count
        }
    }

    func write(_ bytes: [UInt8], at offset: Int) throws(StoreError) {
        guard !bytes.isEmpty else { return }
        let result: Result<Void, StoreError> = bytes.withUnsafeBytes { buffer in
            do throws(StoreError) { try write(buffer, at: offset); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
    }

    func sync() throws(StoreError) {
        if fsync(fd) != 0 { throw SystemCall.fail(path, "sync") }
    }

    func truncate(to length: Int) throws(StoreError) {
        if ftruncate(fd, off_t(length)) != 0 { throw SystemCall.fail(path, "truncate") }
    }

    func close() { _ = SystemCall.closeDescriptor(fd) }
}
