/// What `get_wch` hands the shop: each 8 bytes of input are a status and a code, decoded as the
/// terminal shop does (compiled together with Sources/NCursesTerminal/KeyDecoder.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var offset = 0
    while offset + 8 <= bytes.count {
        let status = Int32(bitPattern: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        let code = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
        _ = KeyDecoder.decode(status: status, code: code)
        offset += 8
    }
    return 0
}
