import Foundation
import Reports
import Rules
import ScanModel
import TestFixtures
import Testing

/// Each format rendered from one fixed finding list and compared with its golden file.
///
/// To re-record after an intended change: `PASBYSCAN_RECORD_GOLDEN=1 swift test --filter
/// GoldenReportTests`, then review the diff of `Tests/ReportsTests/Golden`.
@Suite struct GoldenReportTests {
    typealias Fake = FakeCredentials

    static func finding(
        _ rule: String, _ family: String, _ environment: Environment, _ severity: Severity,
        path: String, line: Int, column: Int, secret: String,
        encoding: SecretEncoding = .plain, evidence: EnvironmentEvidence? = nil,
        binary: Bool = false
    ) -> Finding {
        Finding(
            ruleID: rule, family: family, environment: environment, severity: severity,
            location: Location(
                path: path, startLine: line, startColumn: column, endLine: line,
                endColumn: column + secret.count, byteOffset: line * 40 + column,
                byteLength: secret.utf8.count),
            secret: secret, encoding: encoding, evidence: evidence, isInBinaryFile: binary)
    }

    /// A finding as `pasbyscan git` reports it: from a commit, and only in history.
    static let historyFinding: Finding = {
        var history = finding(
            "pasby.app-secret.production", "pasby.app-secret", .production, .critical,
            path: "old/prod.env", line: 2, column: 8, secret: Fake.productionSecret)
        history.gitOrigin = GitOrigin(
            blob: String(repeating: "b1", count: 20), commit: String(repeating: "c0", count: 20),
            authorTime: 1_700_000_100)
        history.exposure = .historyOnly
        return history
    }()

    static let input: ReportInput = {
        var summary = ScanSummary()
        summary.filesScanned = 3
        summary.bytesScanned = 4096
        summary.skipped = [.symlink: 2]
        let findings = [
            finding(
                "pasby.api-key.live", "pasby.api-key", .production, .critical,
                path: "deploy/app config #1.json", line: 5, column: 12, secret: Fake.liveKey),
            finding(
                "private-key.rsa-pkcs1", "private-key", .production, .critical,
                path: "deploy/app config #1.json", line: 6, column: 18,
                secret: Fake.pem("RSA PRIVATE KEY", separator: "\\n"), encoding: .jsonEscaped,
                evidence: EnvironmentEvidence(
                    ruleID: "pasby.api-key.live", path: "deploy/app config #1.json", line: 5)),
            finding(
                "pasby.app-secret.sandbox", "pasby.app-secret", .sandbox, .medium,
                path: "src/ø/.env", line: 1, column: 14, secret: Fake.sandboxSecret),
            finding(
                "pasby.app-id", "pasby.identifier", .none, .low, path: "build/app.bin", line: 3,
                column: 2, secret: Fake.appID, binary: true),
            historyFinding,
        ]
        return ReportInput(
            findings: findings, summary: summary, rules: RuleSet.builtin(), showsSecrets: false)
    }()

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    @Test(arguments: ReportFormat.allCases)
    func reportMatchesGoldenFile(_ format: ReportFormat) throws {
        let rendered = format.render(Self.input, colors: false)
        let file = Self.goldenFolder.appendingPathComponent("report.\(format.rawValue)")

        if ProcessInfo.processInfo.environment["PASBYSCAN_RECORD_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: file)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == golden, "run with PASBYSCAN_RECORD_GOLDEN=1 to re-record")
    }

    @Test(arguments: ReportFormat.allCases)
    func noFormatShowsASecretUnlessAsked(_ format: ReportFormat) {
        let rendered = format.render(Self.input, colors: false)
        for finding in Self.input.findings {
            #expect(!rendered.contains(finding.secret))
        }
        let shown = ReportInput(
            findings: Self.input.findings, summary: Self.input.summary, rules: Self.input.rules,
            showsSecrets: true)
        #expect(format.render(shown, colors: false).contains(Fake.liveKey))
    }

    @Test func sarifURIsArePercentEncodedAndRelative() throws {
        let sarif = ReportFormat.sarif.render(Self.input, colors: false)
        #expect(sarif.contains(#""uri" : "deploy/app%20config%20%231.json""#))
        #expect(sarif.contains(#""uri" : "src/%C3%B8/.env""#))
        #expect(sarif.contains(#""uriBaseId" : "%SRCROOT%""#))
        #expect(sarif.contains(#""columnKind" : "unicodeCodePoints""#))
    }

    @Test func textUsesColourOnlyWhenAsked() {
        #expect(!ReportFormat.text.render(Self.input, colors: false).contains("\u{1B}["))
        #expect(ReportFormat.text.render(Self.input, colors: true).contains("\u{1B}[1;31m"))
    }
}
