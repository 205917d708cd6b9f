import ScanModel
import TestFixtures
import Testing

@Suite struct LocationTests {
    typealias Fake = FakeCredentials

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let before: String
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "first byte", before: "", line: 1, column: 1),
        Case(name: "after LF lines", before: "a\nbb\n", line: 3, column: 1),
        Case(name: "after CRLF lines", before: "a\r\nbb\r\nccc ", line: 3, column: 5),
        Case(name: "lone CR is inside a line", before: "a\rb ", line: 1, column: 5),
        Case(name: "form feed is inside a line", before: "a\u{0C}b ", line: 1, column: 5),
        Case(
            name: "U+2028 is one character inside a line", before: "a\u{2028}b ", line: 1, column: 5
        ),
        Case(name: "byte-order mark is not a column", before: "\u{FEFF}k=", line: 1, column: 3),
        Case(name: "multi-byte characters count once", before: "nøkkel🔑=", line: 1, column: 9),
    ])
    func columnsCountCodePointsAndLinesEndAtLF(_ example: Case) throws {
        let found = try #require(findings(in: example.before + Fake.liveKey + "\n").first)

        #expect(found.location.startLine == example.line)
        #expect(found.location.startColumn == example.column)
        #expect(found.location.endColumn == example.column + Fake.liveKey.count)
        #expect(found.location.byteOffset == example.before.utf8.count)
    }

    @Test func keyInBinaryFileCarriesByteOffset() throws {
        var bytes: [UInt8] =
            [0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0] + Array(repeating: 0xff, count: 100)
        bytes += Array(Fake.liveKey.utf8) + [0, 1, 2]
        let tree = TemporaryTree()
        tree.write("app.bin", bytes: bytes)

        let found = try #require(scan([tree.path]).0.findings.first)

        #expect(found.isInBinaryFile)
        #expect(found.location.byteOffset == 108)
        #expect(found.ruleID == "pasby.api-key.live")
    }
}
