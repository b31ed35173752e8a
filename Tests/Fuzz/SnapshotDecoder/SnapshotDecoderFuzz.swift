@testable import ShopStore

/// A snapshot file (input starting with the snapshot's magic) goes through the checked decoder
/// (magic, version, checksum); any other input goes to the state decoder directly, so mutations get
/// past the checksum.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshotDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    if bytes.starts(with: SnapshotFile.magic) {
        _ = try? SnapshotFile.decode(bytes, file: "snapshot")
    } else {
        _ = try? StateCodec.decode(bytes, fileOffset: 0)
    }
    return 0
}
