import ShopCore

/// The search index stored after a snapshot's payload (format 6 and later), so that opening maps it
/// instead of building it from the products: zero padding up to a multiple of eight bytes from the
/// start of the file, a 24-byte header, then the index image (`SearchIndex.writeImage`), which is used
/// in place from the mapped file.
///
/// Header, little-endian: magic `CMPTSIDH` (8) · image length u64 · image CRC32C u32 · header CRC32C
/// u32 (over the 20 bytes before it). The section is optional and has its own checksum: a snapshot
/// without it, or with a damaged one, still opens; the index is then built from the products.
enum SnapshotIndexSection {
    static let magic: [UInt8] = Array("CMPTSIDH".utf8)
    static let headerSize = 24

    static func padding(at offset: Int) -> Int { (8 - offset % 8) % 8 }

    /// Writes the section for `index` at `offset` of `file`; returns the bytes written.
    static func write(_ index: SearchIndex, to file: OpenFile, at offset: Int) throws(StoreError) -> Int {
        let imageStart = offset + padding(at: offset) + headerSize
        var position = imageStart
        var checksum: UInt32 = 0
        var failure: StoreError?
        index.writeImage { piece in
            guard failure == nil, !piece.isEmpty else { return }
            checksum = CRC32C.update(checksum, with: piece)
            do throws(StoreError) { try file.write(piece, at: position) } catch { failure = error }
            position += piece.count
        }
        if let failure { throw failure }
        try file.write(header(at: offset, imageLength: position - imageStart, checksum: checksum), at: offset)
        return position - offset
    }

    /// The section for `index` as bytes, as it would be written at `offset` (tests and small shops).
    static func bytes(_ index: SearchIndex, at offset: Int) -> [UInt8] {
        var image: [UInt8] = []
        index.writeImage { image.append(contentsOf: $0) }
        return header(at: offset, imageLength: image.count, checksum: CRC32C.checksum(image)) + image
    }

    /// Padding and header.
    private static func header(at offset: Int, imageLength: Int, checksum: UInt32) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: padding(at: offset))
        var header = magic
        withUnsafeBytes(of: UInt64(imageLength).littleEndian) { header.append(contentsOf: $0) }
        withUnsafeBytes(of: checksum.littleEndian) { header.append(contentsOf: $0) }
        withUnsafeBytes(of: CRC32C.checksum(header).littleEndian) { header.append(contentsOf: $0) }
        bytes += header
        return bytes
    }

    /// Where the image lies in `buffer` (a whole snapshot file) when a section starts at `offset`, and the
    /// checksum it must have; a reason when the section's frame is damaged or cut short.
    static func locate(in buffer: UnsafeRawBufferPointer, at offset: Int) -> Result<(range: Range<Int>, checksum: UInt32), SectionProblem> {
        let start = offset + padding(at: offset)
        guard start + headerSize <= buffer.count else {
            return .failure(SectionProblem(offset: offset, reason: "the search index section is cut short inside its header"))
        }
        for index in offset..<start where buffer[index] != 0 {
            return .failure(SectionProblem(offset: index, reason: "unexpected bytes after the snapshot's data"))
        }
        let header = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + headerSize)])
        guard Array(header[0..<8]) == magic else {
            return .failure(SectionProblem(offset: start, reason: "unexpected bytes after the snapshot's data (not a search index section)"))
        }
        let stored = UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
        guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: header[0..<20])) == stored else {
            return .failure(SectionProblem(offset: start + 20, reason: "search index header checksum mismatch"))
        }
        let length = UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let imageStart = start + headerSize
        let available = UInt64(buffer.count - imageStart)
        guard length <= available else {
            return .failure(SectionProblem(offset: buffer.count, reason: "truncated search index: \(length) bytes announced, \(available) in the file"))
        }
        guard length == available else {
            return .failure(SectionProblem(offset: imageStart + Int(length), reason: "\(available - length) unexpected bytes after the search index"))
        }
        let checksum = UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        return .success((imageStart..<buffer.count, checksum))
    }

    /// Why a snapshot's search index section was not used.
    struct SectionProblem: Error {
        var offset: Int
        var reason: String
    }
}
