import ScanModel
import Testing

@Suite struct FindingOrderTests {
    func finding(_ path: String, _ line: Int, _ column: Int, _ rule: String) -> Finding {
        Finding(
            ruleID: rule, family: "f", environment: .sandbox, severity: .medium,
            location: Location(
                path: path, startLine: line, startColumn: column, endLine: line,
                endColumn: column + 1, byteOffset: line * 100 + column, byteLength: 1),
            secret: "s", encoding: .plain)
    }

    @Test func sortsByPathLineColumnThenRule() {
        let expected = [
            finding("a/b", 1, 1, "r"), finding("a/b", 1, 1, "s"), finding("a/b", 1, 9, "a"),
            finding("a/b", 2, 1, "a"), finding("a/c", 1, 1, "a"), finding("b", 1, 1, "a"),
        ]
        #expect(expected.reversed().sorted() == expected)
    }

    @Test func canonicallyEquivalentNamesStillSortByTheirBytes() {
        let composed = finding("caf\u{E9}.txt", 1, 1, "r")
        let decomposed = finding("cafe\u{301}.txt", 1, 1, "r")
        #expect(composed.location.path == decomposed.location.path)
        #expect([composed, decomposed].sorted() == [decomposed, composed].sorted())
        #expect([composed, decomposed].sorted().first?.location.pathBytes.last == 0x74)
    }

    @Test func severityAndEnvironmentOrders() {
        #expect(Severity.allCases.sorted() == [.low, .medium, .high, .critical])
        #expect(Environment.allCases.sorted() == [.production, .sandbox, .unknown, .none])
    }
}
