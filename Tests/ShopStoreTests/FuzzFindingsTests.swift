import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// Inputs the fuzzers of Tests/Fuzz found (see .ci/fuzz): each once crashed a decoder; now each is refused.
@Suite struct FuzzFindingsTests {
    /// A journal payload whose money has a currency code of two bytes and -43 minor-unit digits
    /// trapped in `Currency.init`; the codec now refuses it as damage.
    @Test func aMoneyWithAnImpossibleCurrencyIsDamageNotATrap() throws {
        let payload = try #require(Data(base64Encoded: "BAQHDUMtMjAyNi0wMDAwMDIIQS0wMDAwMDG43q6xDQELQ09GLUFSQi0wMDEoQ2Fmw6kgTW9rBABhIGQnw4l0aGlvcGllLCBncmFpbnMg4oCTIDI1MCBnBJQUA0VVUgQHcmVkdWNlZAAIc3RhbmRhcmQLWm/DqyBNYXJ0aW4QMTIgcnVlIGRlcyBMaWxhcwAFNzUwMTEFUGFyaXMCRlIAAAADRVVSBPbEAv7EAgZwbGFjZWQAAAALdW5mdWxmaWxsZWQAAAAAAAQWDhJvcmQwci1jb25maXJtYXRpb24LWm/DqyBNYXJhcwAFNzUwMTEFUGFyaXMCRlIAAAADRVVSBPbEAv7EAgZwbGFjZWQAAAALdW5mdWxmaWxsZWQAAAAAAAQWDhJvcmQwci1jb25maXJtYXRpb24LWm/DqyBNYXJ0aW4Oem9lQGV4YW1wbGUuZnIrT3JkZXIgQy0yMDI2LTAwMDAwMiBjb25maXJtZWQ6IHlvdXIgdm91Y2hlckRvdWhhbmsgeW91IGZvciB5b3VyIG9yZGVyLiBUc3NpaCBlbXNhZ2UgaXMgYXRpb24gdG8gcGF5KQoyIMOXIENhZsOpcmRlciBDLTIwMjYtMDAwMDAyIGluIGNhc2g6IHJlZmVyZW5jZSBDTVAtNlRXSi1LVFBULUrTAVBheSBvcmRlciBDLTIwMjYtMDAwMDAyIGluIGNhc2ggYXQgYW55IGFnZW50LCBxdW90aW5nIHRoaXMgcmVmZXJlbmNlOgoKUmVmZXJlbmNlOiBDTVAtNlRXSi1LVFBULUoKQW1vdW50OiDigqwzMC43MApWYWxpZCB1bnRpbDogMjAyNi0xMi0wOSAyMTo0NiBVVEMKClVucGFpZCBieSB0aGVuLCB0aGUgb3JkZXIgaXMgY2FuY2VsZWQgYW5kIGl0cyBpdGVtcyByZWxlYXNlZC643q6xDQENQy0yMDI2LTAwMDAwMg=="))
        let failure = Array(payload).withUnsafeBytes { bytes -> DecodingFailure? in
            do throws(DecodingFailure) {
                _ = try EventCodec.decode(bytes, fileOffset: 0)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure?.reason.contains("is not a currency") == true, "\(String(describing: failure))")
    }

    /// A backslash before a line break in a JSON string made the import error span two lines.
    @Test func anUnknownEscapeIsDescribedOnOneLine() {
        do {
            _ = try DummyJSONImporter.importProducts(from: "[{\"title\": \"Caf\\\n\"}]")
            Issue.record("the import should fail")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(error.description.hasSuffix("unknown escape sequence '\\' then byte 0xA: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"))
        }
    }
}
