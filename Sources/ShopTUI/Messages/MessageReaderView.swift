import ShopCore
import ShopStore

/// One message read in full: subject, sender, date, then the body wrapped to the screen and
/// scrolled by the reader.
enum MessageReaderView {
    static func document(_ state: AppState, message: MailboxEntry, width: Int) -> [StyledLine] {
        let styles = state.styles
        var lines = StyledLine.wrapped(message.subject, width: width, style: styles.heading.adding(.bold))
        lines.append(StyledLine([.init(text: "From: ", style: styles.muted), .init(text: message.from, style: styles.base)]))
        lines.append(StyledLine([.init(text: "Date: ", style: styles.muted),
                                 .init(text: message.date.map { OrderScreenView.time($0, in: state.timeZone) } ?? "unknown", style: styles.base)]))
        if let number = message.orderNumber {
            lines.append(StyledLine([.init(text: "Order: ", style: styles.muted), .init(text: number, style: styles.base)]))
        }
        lines.append(StyledLine(String(repeating: "─", count: max(0, width)), styles.border))
        lines += StyledLine.wrapped(message.body, width: width, style: styles.base)
        return lines
    }
}
