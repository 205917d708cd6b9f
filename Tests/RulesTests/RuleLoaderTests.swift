import Testing

@testable import Rules

@Suite struct RuleLoaderTests {
    static let valid = """
        family: demo
        rules:
          - id: demo.token
            name: demo token
            description: a demo
            remediation: rotate it
            pattern: 'dm_[a-z]{4}'
            keywords: [dm_]
            environment: sandbox
            severity: medium
            examples: ['dm_abcd']
        """

    struct BadFile: CustomTestStringConvertible, Sendable {
        let name: String
        let replace: String
        let with: String
        let expected: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadFile(
            name: "pattern does not compile", replace: "'dm_[a-z]{4}'", with: "'dm_([a-z]'",
            expected: #""demo.yaml":7: rule "demo.token": field "pattern": does not compile"#),
        BadFile(
            name: "unknown environment", replace: "environment: sandbox",
            with: "environment: staging",
            expected: #"rule "demo.token": field "environment": "staging" is not one of"#),
        BadFile(
            name: "unknown severity", replace: "severity: medium", with: "severity: urgent",
            expected: #"field "severity": must be critical, high, medium or low"#),
        BadFile(
            name: "missing keywords", replace: "keywords: [dm_]", with: "",
            expected: #"field "keywords": must be a list with at least one item"#),
        BadFile(
            name: "unknown field", replace: "keywords: [dm_]",
            with: "keywords: [dm_]\n    colour: red",
            expected: #"field "colour": is not a known field"#),
        BadFile(
            name: "bad id", replace: "id: demo.token", with: "id: Demo_Token",
            expected: #"field "id": "Demo_Token" must be lowercase"#),
        BadFile(
            name: "invalid yaml", replace: "rules:", with: "rules: [",
            expected: #""demo.yaml":"#),
        BadFile(
            name: "keyword shorter than 3 bytes", replace: "keywords: [dm_]",
            with: "keywords: [dm]",
            expected: #"field "keywords": "dm" is shorter than 3 bytes"#),
        BadFile(
            name: "missing group", replace: "severity: medium",
            with: "severity: medium\n    token_group: nope",
            expected: #"field "token_group": the pattern has no group named "nope""#),
    ])
    func badFileIsRejectedWithFileRuleAndField(_ bad: BadFile) {
        let text = Self.valid.replacingOccurrences(of: bad.replace, with: bad.with)
        #expect {
            _ = try RuleLoader(origin: "demo.yaml").load(text)
        } throws: { error in
            String(describing: error).contains(bad.expected)
        }
    }

    @Test func loadsAValidFile() throws {
        let rules = try RuleLoader(origin: "demo.yaml").load(Self.valid)
        #expect(rules.count == 1)
        #expect(rules[0].family == "demo")
        #expect(rules[0].environmentSource == .fixed(.sandbox))
        #expect(rules[0].severities[.sandbox] == .medium)
    }

    @Test func duplicateIDsAcrossFilesAreRejected() {
        #expect {
            _ = try RuleSet(files: [("a.yaml", Self.valid), ("b.yaml", Self.valid)])
        } throws: { error in
            String(describing: error).contains(#"the id is already used in "a.yaml""#)
        }
    }

    @Test func failingExampleIsReportedByField() throws {
        let text = Self.valid.replacingOccurrences(
            of: "examples: ['dm_abcd']",
            with: "examples: ['dm_ab']\n    negative_examples: ['dm_wxyz']")
        let set = try RuleSet(files: [("demo.yaml", text)])
        let problems = set.checkExamples().map(\.description)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains(#"field "examples[0]": does not match"#) })
        #expect(problems.contains { $0.contains(#"field "negative_examples[0]": matches"#) })
    }

    @Test func aliasBombIsRefused() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            text +=
                "l\(level): &l\(level) ["
                + Array(repeating: "*\(previous)", count: 10)
                .joined(separator: ", ") + "]\n"
        }
        #expect(throws: YAMLError.self) { _ = try YAMLNode.parse(text) }
    }
}
