import Foundation
import TestFixtures
import Testing

/// Bad options, rules and config: exit 64, a message that says what and where, no report.
@Suite struct UsageErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        Case(arguments: [], message: "error: no command given"),
        Case(arguments: ["sacn"], message: #"error: unknown command "sacn""#),
        Case(arguments: ["scan", "--colour"], message: #"error: unknown option "--colour""#),
        Case(arguments: ["scan", "--format"], message: "error: option --format needs a value"),
        Case(arguments: ["scan", "--format", "xml"], message: #"--format "xml" is not one of"#),
        Case(arguments: ["scan", "--fail-on", "urgent"], message: #"--fail-on "urgent""#),
        Case(arguments: ["scan", "--threads", "0"], message: #"--threads "0" must be"#),
        Case(arguments: ["scan", "--threads=abc"], message: #"--threads "abc" must be"#),
        Case(arguments: ["scan", "--show-secrets=yes"], message: "--show-secrets takes no value"),
        Case(arguments: ["scan", "-", "-"], message: "can be given only once"),
        Case(arguments: ["scan", "--config", "/nonexistent.yaml"], message: "cannot be read"),
        Case(arguments: ["rules"], message: "needs an action"),
        Case(arguments: ["scan", ""], message: "an empty path was given"),
    ])
    func isUsageError(_ example: Case) throws {
        let run = try BinaryRun(example.arguments)

        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(example.message), "\(run.stderr)")
    }

    @Test func optionErrorsEndWithTheUsageLine() throws {
        let run = try BinaryRun(["scan", "--bogus"])
        #expect(run.stderr.contains("usage: pasbyscan scan"))
    }

    @Test func badConfigNamesFileAndLine() throws {
        let tree = TemporaryTree()
        tree.write("c.yaml", "allow:\n  paths: [\"a/**\"]\n  files: []\n")
        let run = try BinaryRun(["scan", "--config", tree.path + "/c.yaml", tree.path])

        #expect(run.status == 64)
        #expect(run.stderr.contains(#"config ""# + tree.path + #"/c.yaml":3:"#))
    }

    @Test func badRuleFileNamesFileRuleAndField() throws {
        let tree = TemporaryTree()
        tree.write(
            "r.yaml",
            """
            family: demo
            rules:
              - id: demo.token
                name: demo
                description: demo
                remediation: rotate
                pattern: 'dm_[a-z]{4}'
                keywords: [dm_]
                environment: sandbox
                severity: medium
                examples: ['dm_ab']

            """)
        let check = try BinaryRun(["rules", "check", tree.path + "/r.yaml"])
        #expect(check.status == 64)
        #expect(check.stderr.contains(#"rule "demo.token": field "examples[0]": does not match"#))

        tree.write("bad.yaml", "family: demo\nrules:\n  - id: demo.x\n    pattern: '('\n")
        let scan = try BinaryRun(["scan", "--rules", tree.path + "/bad.yaml", tree.path])
        #expect(scan.status == 64)
        #expect(
            scan.stderr.contains(
                #"bad.yaml":4: rule "demo.x": field "pattern": does not compile: missing closing"#))
    }
}
