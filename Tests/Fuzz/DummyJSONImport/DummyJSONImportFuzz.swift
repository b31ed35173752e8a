import ShopCore

/// `comptoir import FILE.json`: any bytes give products or an `ImportError` whose message is one line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDummyJSONImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do {
        let products = try DummyJSONImporter.importProducts(from: bytes)
        _ = try? ShopState().decide(.importProducts(products))
    } catch {
        precondition(!error.description.contains("\n"), "an import error spans lines")
    }
    return 0
}
