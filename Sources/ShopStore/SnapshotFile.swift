import Dispatch
import ShopCore

/// The snapshot file: a 40-byte header, then the whole `ShopState` (see `StateCodec`), then (format 6,
/// optional) the search index of its catalogue (see `SnapshotIndexSection`).
///
/// Header, little-endian: magic `CMPTSNAP` (8) · format version u32 · flags u32 (0) · journal sequence
/// covered u64 · payload length u64 · payload CRC32C u32 · header CRC32C u32 (over the 36 bytes before it).
enum SnapshotFile {
    static let magic: [UInt8] = Array("CMPTSNAP".utf8)
    /// Version 2 added the trade state after the cart; version 3 holds every session's and
    /// account's cart and the logged-in sessions; version 4 adds the back office after the trade
    /// state; version 5 adds the accounts' SSH keys after the back office; version 6 stores each
    /// relay order's chosen relay point (`OrderCodec.Layout`) and may follow the payload with the
    /// search index; version 7 stores the variant a review is about (`ProductCodec.Layout`); version 8
    /// puts the orders and tickets last, after their length (`CommerceEventCodec`).
    /// Versions 1 to 7 are still read.
    static let formatVersion: UInt32 = 8
    static let readableVersions: ClosedRange<UInt32> = 1...formatVersion
    static let headerSize = 40

    struct Loaded {
        var state: ShopState
        var sequence: UInt64
        var size: Int
        /// The catalogue's search index, used in place from the mapped file; nil when the snapshot has
        /// none or it could not be used (`indexProblem` then says why).
        var searchIndex: SearchIndex? = nil
        var indexProblem: String? = nil
    }

    /// The header, then the payload's pieces (see `StateCodec.encode`): written in order they form the file.
    /// `version` 6 or 7 writes that format's trade state, for tests of older files (products are always
    /// in the current layout, so with reviews naming a variant only 7; earlier versions are right only
    /// for a shop whose bytes did not change since).
    static func encode(_ state: ShopState, sequence: UInt64, version: UInt32 = formatVersion) -> [BinaryWriter] {
        let pieces = StateCodec.encode(state, ordersLast: version >= 8)
        // Each piece is checksummed on its own, in parallel, and the checksums combined in order.
        var checksums = [UInt32](repeating: 0, count: pieces.count)
        checksums.withUnsafeMutableBufferPointer { slots in
            let shared = ChecksumSlots(pieces: pieces.map { $0.withUnsafeBytes { $0 } }, slots: slots)
            DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                shared.slots[index] = CRC32C.checksum(shared.pieces[index])
            }
        }
        var payloadLength: UInt64 = 0
        var payloadCRC: UInt32 = 0
        for (piece, checksum) in zip(pieces, checksums) {
            payloadLength += UInt64(piece.count)
            payloadCRC = CRC32C.combine(payloadCRC, checksum, lengthOfB: piece.count)
        }
        let header = BinaryWriter(capacity: headerSize)
        header.raw(magic)
        header.fixed32(version)
        header.fixed32(0)
        header.fixed64(sequence)
        header.fixed64(payloadLength)
        header.fixed32(payloadCRC)
        header.fixed32(header.withUnsafeBytes { CRC32C.checksum($0) })
        return [header] + pieces
    }

    /// The whole file as one array (tests and small shops), with the search index `index` when given.
    static func encodedBytes(_ state: ShopState, sequence: UInt64, index: SearchIndex? = nil) -> [UInt8] {
        var bytes = encode(state, sequence: sequence).flatMap(\.bytes)
        if let index, SearchIndex.imagesAreSupported { bytes += SnapshotIndexSection.bytes(index, at: bytes.count) }
        return bytes
    }

    /// Checks and decodes a whole snapshot file; `file` names it in errors.
    static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> Loaded {
        let result: Result<Loaded, StoreError> = bytes.withUnsafeBytes { buffer in
            do throws(StoreError) { return .success(try decode(buffer, file: file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Checks and decodes a snapshot. The search index section is read only from a mapped file
    /// (`mapped`, whose bytes `buffer` are), which it is then used from; the pages of the products are
    /// released from memory once decoded. From a mapped file, orders and tickets taking
    /// `ordersInBackgroundFrom` bytes or more are read on another thread (see `BackgroundOrders`).
    static func decode(
        _ buffer: UnsafeRawBufferPointer, file: String, mapped: MappedFile? = nil, ordersInBackgroundFrom: Int = .max
    ) throws(StoreError) -> Loaded {
        func damaged(_ offset: Int, _ reason: String) -> StoreError {
            .corrupted(file: file, offset: offset, reason: reason)
        }
        for index in 0..<min(magic.count, buffer.count) where buffer[index] != magic[index] {
            throw damaged(index, "not a Comptoir snapshot (wrong magic number)")
        }
        guard buffer.count >= headerSize else {
            throw damaged(buffer.count, "truncated snapshot: the file ends inside its \(headerSize)-byte header")
        }
        var header = BinaryReader(buffer)
        _ = try? header.raw(magic.count)
        let version = (try? header.fixed32()) ?? 0
        let flags = (try? header.fixed32()) ?? 0
        let sequence = (try? header.fixed64()) ?? 0
        let payloadLength = (try? header.fixed64()) ?? 0
        let payloadCRC = (try? header.fixed32()) ?? 0
        let headerCRC = (try? header.fixed32()) ?? 0
        let headerIntact = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[0..<36])) == headerCRC
        // A version beyond ours in an intact header is a newer Comptoir's file, not damage.
        if version > formatVersion && headerIntact {
            throw DecodingFailure.newer(at: 8, version: UInt64(version), readable: formatVersion).storeError(file: file)
        }
        guard readableVersions.contains(version) else {
            throw damaged(8, "snapshot format version \(version) is unknown (this Comptoir reads versions \(readableVersions.lowerBound) to \(formatVersion))")
        }
        guard headerIntact else {
            throw damaged(36, "snapshot header checksum mismatch")
        }
        guard flags == 0 else { throw damaged(12, "unknown snapshot flags \(flags)") }
        guard sequence <= JournalFormat.sequenceRange.upperBound else {
            throw damaged(16, "the snapshot claims to cover record \(sequence), beyond any sequence Comptoir writes")
        }
        let available = UInt64(buffer.count - headerSize)
        guard payloadLength <= available else {
            throw damaged(buffer.count, "truncated snapshot: the header announces \(payloadLength) bytes of data, the file holds \(available)")
        }
        let payloadEnd = headerSize + Int(payloadLength)
        guard payloadLength == available || version >= 6 else {
            throw damaged(payloadEnd, "\(available - payloadLength) unexpected bytes after the end of the snapshot")
        }
        var indexProblem: String?
        var indexSection: (range: Range<Int>, checksum: UInt32)?
        if payloadLength < available, mapped != nil {
            switch SnapshotIndexSection.locate(in: buffer, at: payloadEnd) {
            case let .success(section): indexSection = section
            case let .failure(problem): indexProblem = "\(file) at byte \(problem.offset): \(problem.reason)"
            }
        }
        let payload = UnsafeRawBufferPointer(rebasing: buffer[headerSize..<payloadEnd])
        // The checksums are computed on other threads while the products are decoded; the decoder checks
        // every bound, so reading damaged bytes is safe, and a checksum mismatch wins over what it found.
        let payloadPages = mapped.map { PageAdvice(mapped: $0, offset: headerSize) }
        let checksum = BackgroundChecksum(payload, releasing: payloadPages)
        let indexChecksum = indexSection.map { section in
            BackgroundChecksum(UnsafeRawBufferPointer(rebasing: buffer[section.range]),
                               releasing: mapped.map { PageAdvice(mapped: $0, offset: section.range.lowerBound) })
        }
        // Whatever happens, the thread reading the mapped bytes is done before they may be unmapped.
        defer { _ = indexChecksum?.wait() }
        let background = mapped.map { BackgroundOrders(fromBytes: ordersInBackgroundFrom, file: file, keeper: $0) }
        let decoded: Result<ShopState, DecodingFailure>
        do {
            decoded = .success(try StateCodec.decode(payload, fileOffset: headerSize, version: version, pages: payloadPages, background: background))
        } catch {
            decoded = .failure(error)
        }
        guard checksum.wait() == payloadCRC else {
            throw damaged(headerSize, "snapshot data checksum mismatch")
        }
        let state: ShopState
        switch decoded {
        case let .success(decodedState): state = decodedState
        case let .failure(error): throw damaged(error.offset, error.reason)
        }
        // The bytes the orders' thread still reads are released by it.
        if let taken = background?.takenRange {
            mapped?.release(0..<(headerSize + taken.lowerBound))
            mapped?.release((headerSize + taken.upperBound)..<payloadEnd)
        } else {
            mapped?.release(0..<payloadEnd)
        }
        var searchIndex: SearchIndex?
        if let indexSection, let mapped, let indexChecksum {
            if indexChecksum.wait() != indexSection.checksum {
                indexProblem = "\(file) at byte \(indexSection.range.lowerBound): search index checksum mismatch"
            } else {
                do throws(SearchIndexImageError) {
                    let pages = PageAdvice(mapped: mapped, offset: indexSection.range.lowerBound)
                    let index = try SearchIndex(
                        image: UnsafeRawBufferPointer(rebasing: buffer[indexSection.range]), keeper: mapped, doneReading: pages.release)
                    if index.count == state.catalogue.count {
                        searchIndex = index
                    } else {
                        indexProblem = "\(file): the search index covers \(index.count) products, the snapshot holds \(state.catalogue.count)"
                    }
                } catch {
                    indexProblem = "\(file) at byte \(indexSection.range.lowerBound): \(error.reason)"
                }
            }
        }
        return Loaded(state: state, sequence: sequence, size: buffer.count, searchIndex: searchIndex, indexProblem: indexProblem)
    }


    /// Loads the snapshot at `path`; nil when there is none. The file is mapped, not copied: a snapshot
    /// is never changed in place (a new one replaces it by rename), so the mapping stays valid.
    static func load(_ path: String, ordersInBackgroundFrom: Int = .max) throws(StoreError) -> Loaded? {
        guard let mapped = try MappedFile.map(path) else { return nil }
        return try decode(mapped.bytes, file: path, mapped: mapped, ordersInBackgroundFrom: ordersInBackgroundFrom)
    }

    /// Writes `state` as the folder's new snapshot: to a temporary file, fsynced; the current snapshot
    /// becomes `snapshot.prev`; the temporary file is renamed to `snapshot` and the folder fsynced.
    /// At every instant `snapshot` is a complete file. Returns the size written.
    @discardableResult
    /// The search index `index` of the state's catalogue, when given, is written after the state.
    static func write(_ state: ShopState, sequence: UInt64, index: SearchIndex? = nil, in layout: StoreLayout) throws(StoreError) -> Int {
        let pieces = encode(state, sequence: sequence)
        let file = try OpenFile.openForWriting(layout.snapshotTemporary, create: true, truncate: true)
        var size = 0
        do {
            for piece in pieces {
                let written: Result<Void, StoreError> = piece.withUnsafeBytes { bytes in
                    do throws(StoreError) { try file.write(bytes, at: size); return .success(()) } catch { return .failure(error) }
                }
                try written.get()
                size += piece.count
            }
            if let index, SearchIndex.imagesAreSupported {
                size += try SnapshotIndexSection.write(index, to: file, at: size)
            }
            try file.sync()
            file.close()
        } catch {
            file.close()
            throw error
        }
        if SystemCall.exists(layout.snapshot) {
            try SystemCall.replaceLink(from: layout.snapshot, to: layout.previousSnapshot)
        }
        try SystemCall.rename(layout.snapshotTemporary, to: layout.snapshot)
        try SystemCall.syncFolder(layout.folder)
        return size
    }
}

/// A CRC32C computed on a global queue thread; `wait()` returns it. The bytes must stay valid until then.
/// With `releasing`, the pages of a mapped file are read a slice at a time and dropped once summed,
/// so that checking a file does not hold all of it in memory.
private final class BackgroundChecksum: @unchecked Sendable {
    private let bytes: UnsafeRawBufferPointer
    private let done = DispatchSemaphore(value: 0)
    private var value: UInt32 = 0
    private var finished = false

    static let slice = 8 << 20

    init(_ bytes: UnsafeRawBufferPointer, releasing pages: PageAdvice? = nil) {
        self.bytes = bytes
        DispatchQueue.global().async { [self] in
            var checksum: UInt32 = 0
            var start = 0
            repeat {
                let end = min(self.bytes.count, start + Self.slice)
                checksum = CRC32C.update(checksum, with: UnsafeRawBufferPointer(rebasing: self.bytes[start..<end]))
                pages?.release(start..<end)
                start = end
            } while start < self.bytes.count
            value = checksum
            done.signal()
        }
    }

    /// The checksum, once computed; may be called again (from the same thread).
    func wait() -> UInt32 {
        if !finished {
            done.wait()
            finished = true
        }
        return value
    }
}

/// The pieces' bytes (kept alive by their writers) and where the parallel checksumming puts each
/// piece's checksum; each piece writes only its own slot.
private struct ChecksumSlots: @unchecked Sendable {
    let pieces: [UnsafeRawBufferPointer]
    let slots: UnsafeMutableBufferPointer<UInt32>
}

extension SnapshotFile {
    /// The journal sequence a snapshot header says it covers (the whole file is checked only when it
    /// is loaded); nil when `bytes` do not start with an intact snapshot header. Recovery passes
    /// `repairingOneByte` to accept a header that exactly one single-byte repair makes intact.
    static func coveredSequence(header bytes: [UInt8], repairingOneByte: Bool = false) -> UInt64? {
        guard bytes.count >= headerSize else { return nil }
        var header = Array(bytes[0..<headerSize])
        let stored = header.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 36, as: UInt32.self)) }
        if CRC32C.checksum(header[0..<36]) != stored {
            guard repairingOneByte, let repaired = SingleByteRepair.header(header, checksumOffset: 36) else { return nil }
            header = repaired
        }
        guard Array(header[0..<magic.count]) == magic else { return nil }
        let sequence = header.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) }
        return JournalFormat.sequenceRange.contains(sequence) ? sequence : nil
    }
}
