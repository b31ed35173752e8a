import ShopTUI

/// A theme file in the user's theme folder: any bytes give a theme or a one-line error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThemeParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try Theme.parse(text, name: "fuzz", origin: "/fuzz/fuzz.toml")
    } catch {
        _ = error.description
    }
    return 0
}
