import ShopCore

/// The cart for people (a table with VAT lines) and for programs (JSON).
enum CartView {
    static func json(_ summary: CartSummary) -> JSONValue {
        .object([
            ("lines", .array(summary.lines.map { line in
                .object([
                    ("sku", .string(line.product.sku)),
                    ("title", .string(line.product.title)),
                    ("quantity", .int(line.quantity)),
                    ("unit_price_minor", .int(line.unitPrice.minorUnits)),
                    ("total_minor", .int(line.gross.minorUnits)),
                    ("net_minor", .int(line.net.minorUnits)),
                    ("vat_minor", .int(line.vat.minorUnits)),
                    ("vat_rate_bp", .int(line.product.vatClass.basisPoints)),
                ])
            })),
            ("item_count", .int(summary.lines.reduce(0) { $0 + $1.quantity })),
            ("currency", .string(summary.currency.code)),
            ("subtotal_minor", .int(summary.subtotal.minorUnits)),
            ("net_minor", .int(summary.net.minorUnits)),
            ("vat_minor", .int(summary.vat.minorUnits)),
            ("vat", .array(summary.vatBreakdown.map { rate in
                .object([
                    ("rate_bp", .int(rate.vatClass.basisPoints)),
                    ("net_minor", .int(rate.net.minorUnits)),
                    ("vat_minor", .int(rate.vat.minorUnits)),
                    ("gross_minor", .int(rate.gross.minorUnits)),
                ])
            })),
            ("total_minor", .int(summary.total.minorUnits)),
        ])
    }

    /// The lines whose price the shop changed since they were put in the cart.
    static func json(_ changes: [(sku: String, previous: Money, current: Money)]) -> JSONValue {
        .array(changes.map { change in
            .object([("sku", .string(change.sku)), ("previous_price_minor", .int(change.previous.minorUnits)),
                     ("price_minor", .int(change.current.minorUnits))])
        })
    }

    /// `Price changed: SKU was 12,90 €, now 13,90 €.` for each changed line.
    static func notices(_ changes: [(sku: String, previous: Money, current: Money)], locale: ShopLocale) -> [String] {
        let formatter = MoneyFormatter(locale: locale)
        return changes.map { change in
            let way = change.current.minorUnits > change.previous.minorUnits ? "went up" : "went down"
            return "Price changed since you added it: \(change.sku) \(way) from \(formatter.format(change.previous)) to \(formatter.format(change.current))."
        }
    }

    static func table(_ summary: CartSummary, locale: ShopLocale) -> String {
        guard !summary.lines.isEmpty else { return "The cart is empty. Add a product with 'comptoir cart add SKU'." }
        let formatter = MoneyFormatter(locale: locale)
        var table = TextTable([
            .init(title: "SKU"), .init(title: "Title", maxWidth: 40), .init(title: "Qty", alignment: .right),
            .init(title: "Unit", alignment: .right), .init(title: "Total", alignment: .right), .init(title: "VAT"),
        ])
        for line in summary.lines {
            table.add([
                line.product.sku, line.product.title, "\(line.quantity)", formatter.format(line.unitPrice),
                formatter.format(line.gross), line.product.vatClass.label,
            ])
        }
        var totals: [(String, String)] = [("Net", formatter.format(summary.net))]
        for rate in summary.vatBreakdown {
            totals.append(("VAT \(rate.vatClass.label) on \(formatter.format(rate.net))", formatter.format(rate.vat)))
        }
        totals.append(("Total incl. VAT", formatter.format(summary.total)))
        let labelWidth = totals.map { TerminalText.width($0.0) }.max() ?? 0
        let valueWidth = totals.map { TerminalText.width($0.1) }.max() ?? 0
        var out = table.rendered() + "\n"
        for (label, value) in totals {
            out += "\n" + label + String(repeating: " ", count: labelWidth - TerminalText.width(label) + 2)
                + String(repeating: " ", count: valueWidth - TerminalText.width(value)) + value
        }
        return out
    }
}
