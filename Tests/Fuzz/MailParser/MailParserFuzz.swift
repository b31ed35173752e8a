import ShopCore
@testable import ShopStore

/// A message file in the Maildir (any mail client or person may put one there): it always gives an
/// entry, and what the shop shows of it is clean.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMailParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let entry = MailParser.entry(key: "fuzz", flags: "", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    for field in [entry.subject, entry.from, entry.to] {
        precondition(TextSanitizer.clean(field).unicodeScalars.allSatisfy(TextSanitizer.isSafe), "an unsafe scalar survives cleaning")
    }
    return 0
}
