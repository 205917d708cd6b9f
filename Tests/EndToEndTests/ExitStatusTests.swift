import Foundation
import TestFixtures
import Testing

/// The exit-status contract, run on the real binary with stdout and stderr checked apart.
@Suite struct ExitStatusTests {
    typealias Fake = FakeCredentials

    static func tree(_ files: [String: String]) -> TemporaryTree {
        let tree = TemporaryTree()
        for (path, text) in files { tree.write(path, text) }
        return tree
    }

    @Test func cleanTreeExitsZeroWithEmptyReportAndSummaryOnStderr() throws {
        let tree = Self.tree(["a.txt": "nothing to see\n", "b/c.md": "bk-test_YOUR_KEY\n"])
        let run = try BinaryRun(["scan", tree.path])

        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("pasbyscan: scanned 2 files"))
        #expect(run.stderr.hasSuffix("identifiers\n"))
    }

    @Test func sandboxSecretFailsAtDefaultThreshold() throws {
        let tree = Self.tree(["app/.env": "PASBY_SECRET=\(Fake.sandboxSecret)\n"])
        let run = try BinaryRun(["scan", tree.path])

        #expect(run.status == 1)
        #expect(run.stdout.contains("app/.env:1:14: medium: pasby app secret (sandbox)"))
        #expect(!run.stdout.contains(Fake.sandboxSecret))
        #expect(!run.stderr.contains(Fake.sandboxSecret))
    }

    struct Threshold: CustomTestStringConvertible, Sendable {
        let failOn: String
        let status: Int32
        var testDescription: String { "--fail-on \(failOn)" }
    }

    @Test(arguments: [
        Threshold(failOn: "critical", status: 0), Threshold(failOn: "high", status: 0),
        Threshold(failOn: "medium", status: 1), Threshold(failOn: "low", status: 1),
        Threshold(failOn: "never", status: 0),
    ])
    func failOnGatesBySeverity(_ threshold: Threshold) throws {
        let tree = Self.tree(["k.env": "K=\(Fake.testKey)\nID=\(Fake.appID)\n"])
        let run = try BinaryRun(["scan", "--fail-on", threshold.failOn, tree.path])
        #expect(run.status == threshold.status)
    }

    @Test func identifiersBlockOnlyWithFailOnLow() throws {
        let tree = Self.tree(["ids.json": "{\"app\": \"\(Fake.appID)\"}\n"])
        #expect(try BinaryRun(["scan", tree.path]).status == 0)
        #expect(try BinaryRun(["scan", "--fail-on", "low", tree.path]).status == 1)
    }

    @Test func missingPathIsIncomplete() throws {
        let run = try BinaryRun(["scan", "/nonexistent/pasbyscan-e2e"])

        #expect(run.status == 2)
        #expect(run.stderr.contains(#"warning: "/nonexistent/pasbyscan-e2e": no such file"#))
        #expect(run.stderr.contains("nothing was scanned"))
    }

    @Test func findingsBeatIncomplete() throws {
        let tree = Self.tree(["k.env": "K=\(Fake.liveKey)\n"])
        let run = try BinaryRun(["scan", tree.path, "/nonexistent/pasbyscan-e2e"])
        #expect(run.status == 1)
    }

    @Test func emptyFolderScannedNothingIsIncomplete() throws {
        let tree = TemporaryTree()
        #expect(try BinaryRun(["scan", tree.path]).status == 2)
    }

    @Test func ruleAtItsMatchLimitMakesTheScanIncomplete() throws {
        let tree = TemporaryTree()
        tree.write(
            "slow.yaml",
            """
            family: demo
            rules:
              - id: demo.slow
                name: slow
                description: a pattern that backtracks without end
                remediation: none
                pattern: '(?:a|aa)+[bc]'
                keywords: [aaa]
                environment: sandbox
                severity: medium
                examples: ['aaab']

            """)
        tree.write("input.txt", String(repeating: "a", count: 60) + "!\n")
        let run = try BinaryRun([
            "scan", "--rules", tree.path + "/slow.yaml", tree.path + "/input.txt",
        ])

        #expect(run.status == 2)
        #expect(run.stderr.components(separatedBy: "gave up at byte").count == 2)
        #expect(run.stderr.contains("candidates hit the match limit"))
    }

    @Test func standardInputIsScanned() throws {
        let run = try BinaryRun(["scan", "--format", "json", "-"], input: "x=\(Fake.liveKey)\n")

        #expect(run.status == 1)
        #expect(run.stdout.contains(#""path" : "<stdin>""#))
        #expect(run.stdout.contains(#""rule" : "pasby.api-key.live""#))
    }
}
