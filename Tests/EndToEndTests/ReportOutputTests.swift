import Foundation
import TestFixtures
import Testing

@Suite struct ReportOutputTests {
    typealias Fake = FakeCredentials

    static func serviceTree() -> TemporaryTree {
        let tree = TemporaryTree()
        for index in 0..<30 {
            tree.write("svc\(index)/config.json", Fake.serviceConfig(live: index % 2 == 0))
            tree.write("svc\(index)/notes.txt", "nothing here\n")
        }
        return tree
    }

    @Test(arguments: ["text", "json", "sarif"])
    func outputIsByteIdenticalWhateverTheThreadCount(_ format: String) throws {
        let tree = Self.serviceTree()
        let one = try BinaryRun(["scan", "--format", format, "--threads", "1", "."], in: tree.path)
        let many = try BinaryRun(
            ["scan", "--format", format, "--threads", "8", "."], in: tree.path)

        #expect(one.status == 1)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == many.stdout)
    }

    @Test func outputFileIsWrittenWholeAndStdoutStaysEmpty() throws {
        let tree = Self.serviceTree()
        let report = tree.path + "/report.sarif"
        let run = try BinaryRun(
            ["scan", "--format", "sarif", "--output", report, "svc0"], in: tree.path)

        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains(#""version" : "2.1.0""#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func unwritableOutputIsAnErrorAndLeavesNoFile() throws {
        let tree = Self.serviceTree()
        let run = try BinaryRun(
            ["scan", "--output", tree.path + "/missing/report.txt", "svc0"], in: tree.path)

        #expect(run.status == 64)
        #expect(
            run.stderr.contains(
                #"report ""# + tree.path + #"/missing/report.txt" cannot be written"#))
        #expect(!FileManager.default.fileExists(atPath: tree.path + "/missing"))
    }

    @Test func showSecretsIsTheOnlyWayToSeeASecret() throws {
        let tree = Self.serviceTree()
        for format in ["text", "json", "sarif"] {
            let hidden = try BinaryRun(["scan", "--format", format, "svc0"], in: tree.path)
            let shown = try BinaryRun(
                ["scan", "--format", format, "--show-secrets", "svc0"], in: tree.path)
            #expect(!hidden.stdout.contains(Fake.liveKey), "\(format)")
            #expect(shown.stdout.contains(Fake.liveKey), "\(format)")
        }
    }

    @Test func rulesListAndVersionAndHelpGoToStdout() throws {
        let list = try BinaryRun(["rules", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("pasby.api-key.live\tproduction\tcritical"))
        #expect(list.stdout.split(separator: "\n").count == 11)

        let check = try BinaryRun(["rules", "check"])
        #expect(check.status == 0)
        #expect(check.stderr.contains("11 rules in built-in rules are valid"))

        let version = try BinaryRun(["--version"])
        #expect(version.stdout.hasPrefix("pasbyscan "))
        let help = try BinaryRun(["scan", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--fail-on LEVEL"))
    }
}
