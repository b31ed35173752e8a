@testable import ShopStore

/// A journal file as found on disk (input starting with the journal's magic): the scan finds good
/// records, a torn tail or damage, and the good records' payloads are decoded. Since a checksum
/// guards every record, any other input goes to the payload decoder directly, so mutations reach it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournalDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard bytes.starts(with: JournalFormat.magic) else {
        _ = try? EventCodec.decode(bytes, fileOffset: 0)
        return 0
    }
    let scan = JournalScan.scan(bytes)
    for record in scan.records {
        _ = try? EventCodec.decode(
            UnsafeRawBufferPointer(rebasing: bytes[record.payloadOffset..<record.end]), fileOffset: record.payloadOffset)
    }
    return 0
}
