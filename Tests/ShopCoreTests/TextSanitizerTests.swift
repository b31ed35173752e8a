import Testing
@testable import ShopCore

@Suite struct TextSanitizerTests {
    @Test func plainTextIsUntouchedOnEveryOutput() {
        for output in [TextSanitizer.Output.terminalLine, .terminalLines, .mailHeader, .mailBody] {
            #expect(TextSanitizer.clean("Café crème 抹茶 ☕ 👩‍👩‍👧", for: output) == "Café crème 抹茶 ☕ 👩‍👩‍👧")
        }
        #expect(TextSanitizer.isClean("hello"))
        #expect(!TextSanitizer.isClean("a\nb"))
    }

    @Test func oscTitleAndClipboardSequencesAreReplacedWhole() {
        #expect(TextSanitizer.clean("a\u{1b}]0;pwned\u{07}b") == "a\u{FFFD}b")
        #expect(TextSanitizer.clean("a\u{1b}]8;;http://x\u{1b}\\b") == "a\u{FFFD}b")
        #expect(TextSanitizer.clean("a\u{1b}]52;c;cm0gLXJmIH4=\u{07}b") == "a\u{FFFD}b")
        #expect(TextSanitizer.clean("a\u{9d}0;title\u{9c}b") == "a\u{FFFD}b")
        #expect(TextSanitizer.clean("a\u{1b}Pq#0;data\u{1b}\\b") == "a\u{FFFD}b")
    }

    @Test func csiSequencesTwoCharacterEscapesAndC1ControlsAreReplaced() {
        #expect(TextSanitizer.clean("red\u{1b}[31mtext\u{1b}[0m") == "red\u{FFFD}text\u{FFFD}")
        #expect(TextSanitizer.clean("clear\u{1b}[2J\u{1b}[H") == "clear\u{FFFD}\u{FFFD}")
        #expect(TextSanitizer.clean("reset\u{1b}c!") == "reset\u{FFFD}!")
        #expect(TextSanitizer.clean("charset\u{1b}(0x") == "charset\u{FFFD}x")
        #expect(TextSanitizer.clean("x\u{9b}2Jy") == "x\u{FFFD}y")
        #expect(TextSanitizer.clean("next\u{85}line") == "next\u{FFFD}line")
        #expect(TextSanitizer.clean("trailing escape\u{1b}") == "trailing escape\u{FFFD}")
        #expect(TextSanitizer.clean("unterminated \u{1b}]0;title") == "unterminated \u{FFFD}")
    }

    @Test func everyC0AndC1ControlIsReplacedOnATerminalAndRemovedFromMail() {
        let controls = (0x00...0x1F).filter { ![0x09, 0x0A, 0x0D, 0x1B].contains($0) } + [0x7F] + (0x80...0x9F).filter {
            ![0x90, 0x98, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F].contains($0)
        }
        for value in controls {
            let text = "a" + String(Unicode.Scalar(UInt32(value))!) + "b"
            #expect(TextSanitizer.clean(text) == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
            #expect(TextSanitizer.clean(text, for: .terminalLines) == "a\u{FFFD}b")
            #expect(TextSanitizer.clean(text, for: .mailHeader) == "ab")
            #expect(TextSanitizer.clean(text, for: .mailBody) == "ab")
        }
    }

    @Test func bidiControlsAreReplacedOrRemoved() {
        #expect(TextSanitizer.clean("abc\u{202e}fed") == "abc\u{FFFD}fed")
        #expect(TextSanitizer.clean("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
        for value: UInt32 in [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            let text = "a" + String(Unicode.Scalar(value)!) + "b"
            #expect(TextSanitizer.clean(text) == "a\u{FFFD}b")
            #expect(TextSanitizer.clean(text, for: .mailBody) == "ab")
        }
    }

    @Test func lineBreaksAndTabsFollowTheOutput() {
        let text = "one\ntwo\tthree\r\nfour\rfive\u{2028}six"
        #expect(TextSanitizer.clean(text) == "one two three  four five six")
        #expect(TextSanitizer.clean(text, for: .mailHeader) == "one two three  four five six")
        #expect(TextSanitizer.clean(text, for: .terminalLines) == "one\ntwo three\nfour\nfive\nsix")
        #expect(TextSanitizer.clean(text, for: .mailBody) == "one\ntwo\tthree\nfour\nfive\nsix")
    }

    @Test func aCarriageReturnCannotOverwriteALineOnATerminal() {
        let forged = "Refund refused\rRefund granted"
        #expect(!TextSanitizer.clean(forged).contains("\r"))
        #expect(TextSanitizer.clean(forged, for: .terminalLines) == "Refund refused\nRefund granted")
    }

    @Test func escapeSequencesLeaveNothingInMail() {
        let title = "Mug \u{1b}]0;pwned\u{07}\u{1b}[2Jblue\u{202e}"
        #expect(TextSanitizer.clean(title, for: .mailBody) == "Mug blue")
        #expect(TextSanitizer.clean(title, for: .mailHeader) == "Mug blue")
    }

    @Test func aLeadingCombiningMarkGetsABaseOnATerminalOnly() {
        #expect(TextSanitizer.clean("\u{301}x") == "\u{25CC}\u{301}x")
        #expect(TextSanitizer.clean("a\n\u{301}x", for: .terminalLines) == "a\n\u{25CC}\u{301}x")
        #expect(TextSanitizer.clean("\u{301}x\n", for: .mailBody) == "\u{301}x\n")
    }

    @Test func cleaningTwiceChangesNothingMore() {
        let hostile = "\u{301}a\u{1b}]0;t\u{07}\tb\r\nc\u{202e}d\u{85}"
        for output in [TextSanitizer.Output.terminalLine, .terminalLines, .mailHeader, .mailBody] {
            let once = TextSanitizer.clean(hostile, for: output)
            #expect(TextSanitizer.clean(once, for: output) == once)
        }
    }

    @Test func jsonEscapesControlsBidiAndFormatCharacters() {
        for value: UInt32 in [0x00, 0x1B, 0x7F, 0x85, 0x9B, 0x200B, 0x200D, 0x202E, 0x2028, 0x2066, 0xFEFF, 0xE0041] {
            #expect(TextSanitizer.needsJSONEscape(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for scalar in "aé抹☕ \"".unicodeScalars { #expect(!TextSanitizer.needsJSONEscape(scalar)) }
    }
}

@Suite struct QuoteTests {
    @Test func aShortValueIsQuotedAsItIs() {
        #expect(Quote.value("MUG-1") == "'MUG-1'")
        #expect(Quote.text("Blue mug") == "Blue mug")
    }

    @Test func aValueIsCleanedAndKeptOnOneLine() {
        #expect(Quote.value("A\u{1b}]0;pwned\u{07}\ncomptoir: import succeeded") == "'A\u{FFFD} comptoir: import succeeded'")
        #expect(!Quote.value("x\u{202e}y\r\nz").contains { $0.isNewline })
    }

    @Test func aLongValueIsCutAtFortyColumnsWithAnEllipsis() {
        let digits = String(repeating: "9", count: 100_000)
        let quoted = Quote.value(digits)
        #expect(quoted == "'" + String(repeating: "9", count: 39) + "…'")
        #expect(DisplayWidth.of(Quote.text(digits)) == Quote.maximumWidth)
        let forty = String(repeating: "x", count: 40)
        #expect(Quote.text(forty) == forty)
        #expect(Quote.text(forty + "y") == String(repeating: "x", count: 39) + "…")
    }

    @Test func wideCharactersAreCountedByColumnsAndNeverSplit() {
        let wide = String(repeating: "抹", count: 30)
        let cut = Quote.text(wide)
        #expect(cut == String(repeating: "抹", count: 19) + "…")
        #expect(DisplayWidth.of(cut) == 39)
        let family = String(repeating: "👩‍👩‍👧", count: 25)
        #expect(Quote.text(family).hasSuffix("👩‍👩‍👧…"))
        #expect(DisplayWidth.of(Quote.text(family)) <= Quote.maximumWidth)
        #expect(Quote.shortened("abc", toWidth: 0) == "")
        #expect(Quote.shortened("abcdef", toWidth: 1) == "…")
    }
}
