import Foundation
import Glibc
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

        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                #"report ""# + tree.path + #"/missing/report.txt" cannot be written"#))
        #expect(!FileManager.default.fileExists(atPath: tree.path + "/missing"))
    }

    @Test func unwritableReportOfACleanScanIsNeverClean() throws {
        let tree = TemporaryTree()
        tree.write("clean.txt", "nothing\n")
        let run = try BinaryRun(["scan", "--output", tree.path + "/missing/r.txt", tree.path])
        #expect(run.status == 2)
    }

    @Test func outputReplacesAnExistingFileWithTheReport() throws {
        let tree = Self.serviceTree()
        let report = tree.write("existing.txt", "precious\n").path
        tree.link("link.txt", to: "existing.txt")

        let run = try BinaryRun(["scan", "--output", "link.txt", "svc0"], in: tree.path)

        #expect(run.status == 1)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.hasPrefix("svc0/config.json:2:11: low"))
        let linkTarget = try FileManager.default.destinationOfSymbolicLink(
            atPath: tree.path + "/link.txt")
        #expect(linkTarget == "existing.txt")
    }

    @Test func replacedReportKeepsItsPermissions() throws {
        let tree = Self.serviceTree()
        let report = tree.write("private.txt", "old\n").path
        #expect(chmod(report, 0o600) == 0)

        let run = try BinaryRun(
            ["scan", "--show-secrets", "--output", report, "svc0"], in: tree.path)

        var info = stat()
        #expect(run.status == 1)
        #expect(stat(report, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func outputDashMeansStdout() throws {
        let tree = Self.serviceTree()
        let run = try BinaryRun(["scan", "--output", "-", "svc0"], in: tree.path)
        #expect(run.stdout.hasPrefix("svc0/config.json:2:11: low"))
        #expect(!FileManager.default.fileExists(atPath: tree.path + "/-"))
    }

    @Test func incompleteScanSaysSoInSARIF() throws {
        let tree = Self.serviceTree()
        let complete = try BinaryRun(["scan", "--format", "sarif", "svc0"], in: tree.path)
        let incomplete = try BinaryRun(["scan", "--format", "sarif", "/nonexistent/pasbyscan"])

        #expect(complete.stdout.contains(#""executionSuccessful" : true"#))
        #expect(incomplete.status == 2)
        #expect(incomplete.stdout.contains(#""executionSuccessful" : false"#))
        #expect(incomplete.stdout.contains("the scan was incomplete (unreadable: 1)"))
    }

    @Test func baselineAcceptsOldFindingsThroughEditsAndMovesButNotNewOnes() throws {
        let tree = TemporaryTree()
        tree.write("app/.env", "PASBY_API_KEY=\(Fake.testKey)\n")
        let first = try BinaryRun(
            ["scan", "--format", "json", "--output", "baseline.json", "app"], in: tree.path)
        #expect(first.status == 1)

        try FileManager.default.removeItem(atPath: tree.path + "/app/.env")
        tree.write("app/config/moved.env", "# moved\n\nKEY=\(Fake.testKey)\n")
        let accepted = try BinaryRun(["scan", "--baseline", "baseline.json", "app"], in: tree.path)
        #expect(accepted.status == 0)
        #expect(accepted.stdout.isEmpty)
        #expect(accepted.stderr.contains("; 1 in the baseline"))

        tree.write("app/new.env", "PASBY_SECRET=\(Fake.sandboxSecret)\n")
        let fresh = try BinaryRun(["scan", "--baseline", "baseline.json", "app"], in: tree.path)
        #expect(fresh.status == 1)
        #expect(fresh.stdout.hasPrefix("app/new.env:1:14: medium"))

        tree.write("bad.json", "{}")
        let bad = try BinaryRun(["scan", "--baseline", "bad.json", "app"], in: tree.path)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains(#"baseline "bad.json" is not a pasbyscan JSON report"#))
    }

    @Test func fullStdoutIsAnErrorNotAPass() throws {
        let tree = TemporaryTree()
        tree.write("clean.txt", "nothing\n")
        let run = try BinaryRun(
            ["scan", "--format", "json", tree.path], stdoutPath: "/dev/full")

        #expect(run.status == 2)
        #expect(run.stderr.contains("the report could not be written to stdout: no space left"))
    }

    @Test func secretQuotedInAConfigErrorIsRedacted() throws {
        let tree = TemporaryTree()
        tree.write("c.yaml", "\(Fake.liveKey):\n  paths: []\n")
        let run = try BinaryRun(["scan", "--config", tree.path + "/c.yaml", tree.path])

        #expect(run.status == 64)
        #expect(run.stderr.contains(#"c.yaml":1: unknown key "bk-live_dead***""#))
        #expect(!run.stderr.contains(Fake.liveKey))
    }

    @Test func repeatedAndNestedRootsAreScannedOnce() throws {
        let tree = Self.serviceTree()
        let run = try BinaryRun(
            ["scan", "--format", "json", "svc0", "svc0", "./svc0/config.json", "svc1"],
            in: tree.path)

        #expect(run.stdout.contains(#""findings_total" : 10"#))
        #expect(run.stderr.contains(#""svc0/config.json": already scanned as part of "svc0""#))
    }

    @Test func oddFileNamesAreShownEscapedAndEncodedFromTheirBytes() throws {
        let tree = TemporaryTree()
        let name: [UInt8] = Array("bad".utf8) + [0xFF, 0x1B] + Array("[31m.env".utf8)
        let folder = tree.root.path
        var full = Array(folder.utf8) + [UInt8(ascii: "/")] + name
        full.append(0)
        let descriptor = full.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644)
            }
        }
        try #require(descriptor >= 0)
        let text = Array("K=\(Fake.testKey)\n".utf8)
        _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)

        let plain = try BinaryRun(["scan", "."], in: folder)
        let sarif = try BinaryRun(["scan", "--format", "sarif", "."], in: folder)

        #expect(plain.stdout.hasPrefix(#"bad\xFF\x1B[31m.env:1:3: medium"#))
        #expect(!plain.stdout.contains("\u{1B}"))
        #expect(sarif.stdout.contains(#""uri" : "bad%FF%1B%5B31m.env""#))
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
        #expect(list.stdout.split(separator: "\n").count == 12)

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
