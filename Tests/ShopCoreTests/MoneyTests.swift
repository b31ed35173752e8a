import Testing
@testable import ShopCore

@Suite("Money")
struct MoneyTests {
    @Test func addingSameCurrency() throws {
        let a = Money(minorUnits: 1250, currency: .eur)
        let b = Money(minorUnits: 99, currency: .eur)
        #expect(try a.adding(b) == Money(minorUnits: 1349, currency: .eur))
        #expect(try a.subtracting(b) == Money(minorUnits: 1151, currency: .eur))
    }

    @Test func mixingCurrenciesIsATypedError() {
        let euros = Money(minorUnits: 100, currency: .eur)
        let dollars = Money(minorUnits: 100, currency: .usd)
        #expect(throws: MoneyError.currencyMismatch(.eur, .usd)) { try euros.adding(dollars) }
        #expect(throws: MoneyError.currencyMismatch(.eur, .usd)) { try euros.subtracting(dollars) }
        #expect(throws: MoneyError.currencyMismatch(.eur, .usd)) { try euros.isLess(than: dollars) }
        #expect(throws: MoneyError.currencyMismatch(.eur, .usd)) { try Money.sum([euros, dollars], currency: .eur) }
        #expect(MoneyError.currencyMismatch(.eur, .usd).description.contains("EUR and USD"))
    }

    @Test(arguments: [
        ("12.50", 1250), ("12,5", 1250), ("0.99", 99), ("1234", 123_400), (".5", 50),
        ("9.999", 1000), ("9.994", 999), ("-3.20", -320), (" 7.00 ", 700), ("0", 0),
    ])
    func parsesDecimalTextExactly(text: String, minor: Int64) throws {
        #expect(try Money.parse(text, currency: .eur).minorUnits == minor)
    }

    @Test(arguments: ["", "abc", "1.2.3", "12,5x", "--1", "1e5", "€12", "."])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(throws: MoneyError.invalidAmount(text)) { try Money.parse(text, currency: .eur) }
    }

    @Test func parsesZeroDecimalCurrency() throws {
        #expect(try Money.parse("1500", currency: .jpy).minorUnits == 1500)
        #expect(try Money.parse("1500.6", currency: .jpy).minorUnits == 1501)
    }

    @Test func sumAddsUp() throws {
        let amounts = (1...100).map { Money(minorUnits: Int64($0 * 37), currency: .eur) }
        #expect(try Money.sum(amounts, currency: .eur).minorUnits == Int64(37 * 5050))
    }
}

@Suite("Money formatting")
struct MoneyFormatterTests {
    @Test func frenchPutsTheSymbolAfterWithACommaDecimal() {
        let f = MoneyFormatter(locale: .frFR)
        #expect(f.format(Money(minorUnits: 1250, currency: .eur)) == "12,50 €")
        #expect(f.format(Money(minorUnits: 123_456_789, currency: .eur)) == "1 234 567,89 €")
        #expect(f.format(Money(minorUnits: 5, currency: .eur)) == "0,05 €")
        #expect(f.format(Money(minorUnits: -1250, currency: .eur)) == "-12,50 €")
    }

    @Test func englishPutsTheSymbolFirst() {
        let f = MoneyFormatter(locale: .enUS)
        #expect(f.format(Money(minorUnits: 1250, currency: .eur)) == "€12.50")
        #expect(f.format(Money(minorUnits: 100_000, currency: .usd)) == "$1,000.00")
        #expect(f.format(Money(minorUnits: 1500, currency: .jpy)) == "¥1,500")
        #expect(f.format(Money(minorUnits: 700, currency: Currency(code: "SEK"))) == "SEK7.00")
    }

    @Test func germanGroupsWithDots() {
        #expect(MoneyFormatter(locale: .deDE).format(Money(minorUnits: 123_450, currency: .eur)) == "1.234,50 €")
    }

    @Test(arguments: [
        ("fr_FR.UTF-8", ShopLocale.frFR), ("fr_BE", .frFR), ("en_US.UTF-8", .enUS), ("C.UTF-8", .enUS),
        ("de_AT.UTF-8", .deDE), ("en_GB", .enGB), ("", .enUS),
    ])
    func picksALocaleFromPOSIXNames(name: String, expected: ShopLocale) {
        #expect(ShopLocale.from(posix: name) == expected)
    }
}

@Suite("VAT")
struct VATTests {
    @Test func splitsTwentyPercent() {
        let (net, vat) = VATClass.standard.split(gross: Money(minorUnits: 1200, currency: .eur))
        #expect(net.minorUnits == 1000)
        #expect(vat.minorUnits == 200)
    }

    @Test func roundsVATHalfUp() {
        // 0.03 € at 20 %: VAT = 3 * 2000 / 12000 = 0.5 cent -> rounds up to 1.
        #expect(VATClass.standard.split(gross: Money(minorUnits: 3, currency: .eur)).vat.minorUnits == 1)
        // 1.05 € at 5.5 %: VAT = 105 * 550 / 10550 = 5.47 -> 5.
        #expect(VATClass.reduced.split(gross: Money(minorUnits: 105, currency: .eur)).vat.minorUnits == 5)
        // Negative amounts (refunds) round symmetrically.
        #expect(VATClass.standard.split(gross: Money(minorUnits: -3, currency: .eur)).vat.minorUnits == -1)
    }

    @Test func netPlusVATIsAlwaysTheGross() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let gross = Int64.random(in: -100_000...10_000_000, using: &generator)
            for vatClass in VATClass.allCases {
                let (net, vat) = vatClass.split(gross: Money(minorUnits: gross, currency: .eur))
                #expect(net.minorUnits + vat.minorUnits == gross)
                // The VAT is the exact rate to within half a cent.
                let exact = Double(gross) * Double(vatClass.basisPoints) / Double(10_000 + vatClass.basisPoints)
                #expect(abs(Double(vat.minorUnits) - exact) <= 0.5 + 1e-9)
            }
        }
    }

    @Test func labelsRates() {
        #expect(VATClass.standard.label == "20 %")
        #expect(VATClass.reduced.label == "5.5 %")
        #expect(VATClass.superReduced.label == "2.1 %")
        #expect(VATClass.zero.label == "0 %")
    }
}
