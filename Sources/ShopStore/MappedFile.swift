#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory, unmapped when released. Immutable once made (a mapped
/// snapshot is never changed in place: a new one replaces it by rename), so it may be shared.
final class MappedFile: @unchecked Sendable {
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
    /// Pages are read in as they are touched; `populate` reads a range in at once.
    static func map(_ path: String) throws(StoreError) -> MappedFile? {
        guard let fd = try SystemCall.openRegular(path, flags: O_RDONLY) else { return nil }
        let file = OpenFile(fd: fd, path: path)
        defer { file.close() }
        let size = try file.size()
        guard size > 0 else { return MappedFile(address: nil, count: 0) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw SystemCall.fail(path, "map")
        }
        return MappedFile(address: address, count: size)
    }

    /// Reads the pages of `range` in now, in one go: cheaper than a page fault each while decoding.
    /// A hint: nothing happens where the system does not offer it.
    func populate(_ range: Range<Int>) {
        #if os(Linux)
        guard let (start, length) = pages(covering: range) else { return }
        // MADV_POPULATE_READ (Linux 5.14); older kernels refuse it, and the pages come by faults.
        if madvise(start, length, 22) != 0 { _ = madvise(start, length, MADV_WILLNEED) }
        #endif
    }

    /// Drops this process's copy of the whole pages inside `range` (bytes already decoded): they stop
    /// counting as its memory, and are read from the file again if touched.
    func release(_ range: Range<Int>) {
        guard let address, range.lowerBound < range.upperBound else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + pageSize - 1) / pageSize * pageSize
        let end = range.upperBound == count ? count : range.upperBound / pageSize * pageSize
        guard end > start else { return }
        _ = madvise(address + start, end - start, MADV_DONTNEED)
    }

    private func pages(covering range: Range<Int>) -> (UnsafeMutableRawPointer, Int)? {
        guard let address, range.lowerBound < range.upperBound else { return nil }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / pageSize * pageSize
        return (address + start, range.upperBound - start)
    }
}

/// Advice about the pages of a mapped file for a decoder that sees only part of it (ranges are
/// relative to the part, which starts `offset` bytes into the file).
struct PageAdvice: Sendable {
    let mapped: MappedFile
    let offset: Int

    func populate(_ range: Range<Int>) {
        mapped.populate((offset + range.lowerBound)..<(offset + range.upperBound))
    }

    func release(_ range: Range<Int>) {
        mapped.release((offset + range.lowerBound)..<(offset + range.upperBound))
    }
}
