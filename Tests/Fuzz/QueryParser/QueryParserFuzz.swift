import ShopCore

/// The search box and `comptoir search`: any text is parsed, and a parsed query runs against the
/// demo catalogue; errors must describe themselves on one line.
private let index = SearchIndex(catalogue: Catalogue(products: DemoCatalogue.products))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let query = try SearchQuery.parse(text)
        let results = index.search(query)
        _ = results.positions(offset: 0, limit: 20)
    } catch {
        precondition(!error.description.contains("\n"), "a query error spans lines")
    }
    return 0
}
