import Foundation
import PCRE2Kit
import Testing

@testable import Rules

/// Every example and negative example of every shipped rule, one test case each.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let ruleID: String
        let index: Int
        let text: String
        let shouldMatch: Bool
        var testDescription: String {
            "\(ruleID) \(shouldMatch ? "example" : "negative example") \(index)"
        }
    }

    static let rules = RuleSet.builtin()

    static let cases: [Case] = rules.rules.flatMap { rule in
        rule.examples.enumerated().map {
            Case(ruleID: rule.id, index: $0.offset, text: $0.element, shouldMatch: true)
        }
            + rule.negativeExamples.enumerated().map {
                Case(ruleID: rule.id, index: $0.offset, text: $0.element, shouldMatch: false)
            }
    }

    @Test(arguments: cases)
    func exampleBehavesAsDeclared(_ example: Case) throws {
        let rule = try #require(Self.rules.rules.first { $0.id == example.ruleID })
        let matcher = Matcher(maximumCaptureCount: Self.rules.maximumCaptureCount)
        let bytes = Array(example.text.utf8)

        let match = try rule.firstMatch(in: bytes.span, using: matcher)

        #expect((match != nil) == example.shouldMatch)
    }

    @Test func checkExamplesReportsNothingForShippedRules() {
        #expect(Self.rules.checkExamples().isEmpty)
    }

    @Test func everyRuleIDIsStableLowercaseDottedOrKebab() {
        for rule in Self.rules.rules {
            #expect(RuleLoader.isValidIdentifier(rule.id), "\(rule.id)")
        }
        #expect(!RuleLoader.isValidIdentifier("Pasby.Key"))
        #expect(!RuleLoader.isValidIdentifier("pasby..key"))
        #expect(!RuleLoader.isValidIdentifier("pasby.key."))
        #expect(!RuleLoader.isValidIdentifier("pasby_key"))
    }

    @Test func shipsTheIDsEveryReportAndBaselineUses() {
        let expected: Set = [
            "pasby.api-key.live", "pasby.api-key.test", "pasby.app-secret.production",
            "pasby.app-secret.sandbox", "pasby.app-id", "pasby.consumer-id",
            "private-key.rsa-pkcs1", "private-key.pkcs8", "private-key.ec", "private-key.openssh",
            "private-key.encrypted",
        ]
        #expect(Set(Self.rules.rules.map(\.id)) == expected)
    }

    @Test func builtinCopyEqualsRulesFolder() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let onDisk = try names.map { name in
            (
                origin: "rules/" + name,
                text: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            )
        }
        let embedded = BuiltinRuleFiles.files

        #expect(embedded.map(\.origin) == onDisk.map(\.origin), "run scripts/embed-rules")
        for (left, right) in zip(embedded, onDisk) {
            #expect(
                left.text.trimmingCharacters(in: .newlines)
                    == right.text.trimmingCharacters(in: .newlines),
                "\(left.origin) differs from its embedded copy: run scripts/embed-rules")
        }
    }
}
