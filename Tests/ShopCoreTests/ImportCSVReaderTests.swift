import Testing
@testable import ShopCore

@Suite("Import CSV reader")
struct ImportCSVReaderTests {
    func fields(_ text: String) throws -> [[String]] {
        try CSVReader.rows(text).map(\.fields)
    }

    @Test func plainFieldsAndEmptyFields() throws {
        #expect(try fields("a,b,c\n1,,3\n") == [["a", "b", "c"], ["1", "", "3"]])
        #expect(try fields("a,b,\n") == [["a", "b", ""]])
        #expect(try fields("last line without break") == [["last line without break"]])
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text = "name,body\n\"Beanie, navy\",\"She said \"\"warm\"\"\nand soft\"\n"
        #expect(try fields(text) == [["name", "body"], ["Beanie, navy", "She said \"warm\"\nand soft"]])
        #expect(try fields("\"\",\"\"\"\"\n") == [["", "\""]])
    }

    @Test func lineEndingsCRLFAndCRAndBlankLines() throws {
        #expect(try fields("a,b\r\n1,2\r\n\r\n3,4\r\n") == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try fields("a\rb\r") == [["a"], ["b"]])
        #expect(try fields("\"x\r\ny\",z\r\n") == [["x\r\ny", "z"]])
    }

    @Test func rowsRememberTheLineTheyStartOn() throws {
        let rows = try CSVReader.rows("h\n\"two\nlines\"\nafter\n\nlast\n")
        #expect(rows.map(\.line) == [1, 2, 4, 6])
    }

    @Test func byteOrderMarkIsSkippedAndUnicodeKept() throws {
        #expect(try fields("\u{FEFF}\"Café\",Ñandú,Ελιά,чай,قهوة,珈琲\n") == [["Café", "Ñandú", "Ελιά", "чай", "قهوة", "珈琲"]])
    }

    @Test func strayQuoteInsideAnUnquotedFieldIsData() throws {
        #expect(try fields("12\" vinyl,ok\n") == [["12\" vinyl", "ok"]])
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        let error = importError { () throws(ImportError) in try CSVReader.rows("a,b\n\"x\"y,z\n") }
        #expect(error?.description == "line 2: unexpected 'y' after the closing quote of a field: "
            + "expected a comma or the end of the line (write a quote inside quotes as \"\")")
    }

    @Test func unterminatedQuoteReportsItsStartLine() {
        let error = importError { () throws(ImportError) in try CSVReader.rows("a\nb\n\"open\nstill\nopen") }
        #expect(error == .unterminatedQuote(line: 3))
    }
}
