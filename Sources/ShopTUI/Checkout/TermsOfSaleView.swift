import ShopCore

/// The terms of sale over the Review step, opened with `t` on the box that accepts them and
/// scrolled like a message; Esc goes back to the box.
enum TermsOfSaleView {
    static func draw(_ state: AppState, scroll: Int, into canvas: inout Canvas) {
        let box = FormScreen.box(state)
        let lines = document(state, width: box.width - 4)
        AfterSalesView.drawDocument(lines, title: "\(TermsOfSale.title) · Esc back to the order", scroll: scroll,
                                    extent: CheckoutUpdate.termsExtent, cursorRow: nil, in: box, state: state, into: &canvas)
    }

    static func document(_ state: AppState, width: Int) -> [StyledLine] {
        let styles = state.styles
        var lines: [StyledLine] = []
        for paragraph in TermsOfSale.paragraphs(seller: state.shop.seller) {
            if paragraph.hasPrefix("## ") {
                if !lines.isEmpty { lines.append(StyledLine("", styles.base)) }
                lines += StyledLine.wrapped(String(paragraph.dropFirst(3)), width: width, style: styles.heading.adding(.bold))
            } else {
                lines += StyledLine.wrapped(paragraph, width: width, style: styles.base)
            }
        }
        return lines
    }
}
