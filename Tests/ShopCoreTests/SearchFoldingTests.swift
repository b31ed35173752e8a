import Testing
@testable import ShopCore

@Suite("Search text folding")
struct SearchFoldingTests {
    @Test func foldLowercasesAndStripsAccents() {
        #expect(TextFolding.fold("Café Crème") == "cafe creme")
        #expect(TextFolding.fold("ÉCOLE Ångström") == "ecole angstrom")
        #expect(TextFolding.fold("Ça, c'est ÇA!") == "ca, c'est ca!")
    }

    @Test func foldExpandsLigaturesAndSharpS() {
        #expect(TextFolding.fold("Bœuf ŒUVRE") == "boeuf oeuvre")
        #expect(TextFolding.fold("Straße GROẞ") == "strasse gross")
        #expect(TextFolding.fold("Æther ﬁne") == "aether fine")
    }

    @Test func foldDropsCombiningMarksOfDecomposedText() {
        #expect(TextFolding.fold("Cafe\u{301}") == "cafe")
        #expect(TextFolding.words("Cafe\u{301} noir") == ["cafe", "noir"])
    }

    @Test func foldLowercasesOtherScripts() {
        #expect(TextFolding.words("КОФЕ Kaffee") == ["кофе", "kaffee"])
    }

    @Test func wordsSplitOnPunctuationAndSpaces() {
        #expect(TextFolding.words("Coffee, beans! (1kg)") == ["coffee", "beans", "1kg"])
        #expect(TextFolding.words("  ") == [])
        #expect(TextFolding.words("— / ...") == [])
    }

    @Test func queryWordsJoinCompounds() {
        #expect(TextFolding.words("T-Shirt") == ["tshirt"])
        #expect(TextFolding.words("L'Or") == ["lor"])
        #expect(TextFolding.words("L’Or espresso") == ["lor", "espresso"])
        #expect(TextFolding.words("e.g. 4.5") == ["eg", "45"])
    }

    @Test func documentTermsKeepPartsAndJoinedCompound() {
        #expect(TextFolding.terms("T-Shirt") == ["t", "shirt", "tshirt"])
        #expect(TextFolding.terms("L’Or") == ["l", "or", "lor"])
        #expect(TextFolding.terms("half-and-half milk") == ["half", "and", "half", "halfandhalf", "milk"])
    }

    @Test func connectorsOutsideWordsSeparate() {
        #expect(TextFolding.terms("-cafe- 'noir' a--b") == ["cafe", "noir", "a", "b"])
    }

    @Test func keysCompareBrandsAndCategories() {
        #expect(TextFolding.key("De Buyer") == "de buyer")
        #expect(TextFolding.key("  DE   BUYER ") == "de buyer")
        #expect(TextFolding.key("home-decoration") == "home decoration")
        #expect(TextFolding.key("Nestlé") == TextFolding.key("NESTLE"))
        #expect(TextFolding.key("") == "")
    }
}
