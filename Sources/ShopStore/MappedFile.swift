#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory, unmapped when released.
final class MappedFile {
    private let address: UnsafeMutableRawPointer?
    let count: Int

    private init(address: UnsafeMutableRawPointer?, count: Int) {
        self.address = address
        self.count = count
    }

    deinit {
        if let address { munmap(address, count) }
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: address, count: count) }

    /// Maps `path`; nil when it does not exist. Anything but a regular file is refused unopened.
    static func map(_ path: String) throws(StoreError) -> MappedFile? {
        guard let fd = try SystemCall.openRegular(path, flags: O_RDONLY) else { return nil }
        let file = OpenFile(fd: fd, path: path)
        defer { file.close() }
        let size = try file.size()
        guard size > 0 else { return MappedFile(address: nil, count: 0) }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != MAP_FAILED else {
            throw SystemCall.fail(path, "map")
        }
        return MappedFile(address: address, count: size)
    }
}
