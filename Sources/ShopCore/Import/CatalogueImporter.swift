/// The file formats the shop imports.
public enum CatalogueFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A product list as served by DummyJSON: `[...]` or `{"products": [...]}`.
    case dummyJSON = "json"
    /// Shopify's product CSV export.
    case shopifyCSV = "csv"

    public var description: String {
        switch self {
        case .dummyJSON: return "JSON product list"
        case .shopifyCSV: return "Shopify product CSV"
        }
    }
}

/// The command line's entry point: picks the format from the content, then the file extension,
/// and runs the matching importer. Returns every product or throws an `ImportError`.
public enum CatalogueImporter {
    public static func importProducts(
        from bytes: some Sequence<UInt8>, fileExtension: String? = nil, currencyCode: String = "EUR"
    ) throws(ImportError) -> [Product] {
        let data = Array(bytes)
        switch try format(of: data, fileExtension: fileExtension) {
        case .dummyJSON: return try DummyJSONImporter.importProducts(from: data, currencyCode: currencyCode)
        case .shopifyCSV: return try ShopifyCSVImporter.importProducts(from: data, currencyCode: currencyCode)
        }
    }

    public static func importProducts(
        from text: String, fileExtension: String? = nil, currencyCode: String = "EUR"
    ) throws(ImportError) -> [Product] {
        try importProducts(from: Array(text.utf8), fileExtension: fileExtension, currencyCode: currencyCode)
    }

    /// JSON when the content starts with `[` or `{` (after a byte order mark and whitespace);
    /// otherwise the extension (`json`, `csv`, any case) decides; otherwise a header line naming
    /// `Handle` (or `URL handle`) means Shopify CSV. An empty or blank file is `ImportError.emptyFile`.
    public static func format(of bytes: [UInt8], fileExtension: String? = nil) throws(ImportError) -> CatalogueFormat {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let firstIndex = bytes[start...].firstIndex(where: { !isWhitespace($0) }) else { throw .emptyFile }
        let first = bytes[firstIndex]
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return .dummyJSON }
        if let fileExtension, let byExtension = CatalogueFormat(rawValue: fileExtension.lowercased().trimmingDot()) {
            return byExtension
        }
        let headerLine = bytes[firstIndex...].prefix(while: { $0 != 0x0A && $0 != 0x0D })
        let names = String(decoding: headerLine, as: UTF8.self).lowercased()
            .split(separator: ",").map { String($0).trimmingSpaces().trimmingQuotes() }
        if names.contains("handle") || names.contains("url handle") { return .shopifyCSV }
        throw .unrecognizedFormat
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

extension String {
    fileprivate func trimmingDot() -> String { hasPrefix(".") ? String(dropFirst()) : self }
    fileprivate func trimmingQuotes() -> String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
