import ShopCore
import ShopTUI

/// Text for the command line's tables, measured and cleaned the way the interface does it:
/// data never drives the terminal, and wide characters keep columns aligned.
enum TerminalText {
    static func sanitize(_ text: String) -> String { TextSanitizer.clean(text) }

    static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    /// Cuts `text` to at most `limit` columns, ending with `…` when something was cut.
    static func truncate(_ text: String, toWidth limit: Int) -> String { Quote.shortened(text, toWidth: limit) }

    static func wrap(_ text: String, width: Int) -> [String] { TextWrap.lines(text, width: width) }
}

/// Prints text for people on standard output: lines kept, everything else cleaned for a
/// terminal. Every human output of the command line goes through here.
func printText(_ text: String) {
    print(TextSanitizer.clean(text, for: .terminalLines))
}

/// Prints a JSON document for programs (its strings escape every control, see `JSONValue.quote`).
func printJSON(_ value: JSONValue) {
    print(value.rendered())
}
