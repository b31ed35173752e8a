import Testing
@testable import ShopCore

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("Comptoir") == 8)
        #expect(DisplayWidth.of(Character("a")) == 1)
    }

    @Test func eastAsianWideAndFullwidthTakeTwo() {
        #expect(DisplayWidth.of("抹茶") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana stays narrow
    }

    @Test func emojiAndTheirSequencesAreOneGraphemeOfTwo() {
        #expect(DisplayWidth.of(Character("☕")) == 2)
        #expect(DisplayWidth.of(Character("👩‍👩‍👧")) == 2)
        #expect(DisplayWidth.of(Character("🇫🇷")) == 2)
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
        #expect(DisplayWidth.of(Character("❤️")) == 2)  // text heart with emoji presentation selector
    }

    @Test func combiningMarksAndFormatCharactersTakeNone() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{301}") == 4)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
    }

    @Test func controlCharactersTakeNone() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x85)!) == 0)
    }
}
