import Foundation
import ScanModel

/// Findings a team has accepted: the fingerprints of an earlier JSON report
/// (`--baseline FILE`).
///
/// Fingerprints depend on the credential, its family and its environment, never on the path or
/// line, so an accepted finding stays accepted when its file is edited or moved; a new or
/// rotated credential is reported.
struct Baseline {
    let fingerprints: Set<String>

    private struct Report: Decodable {
        struct Item: Decodable {
            let fingerprint: String
        }
        let format: String
        let findings: [Item]
    }

    /// Reads the JSON report at `path`.
    /// - Throws: `UsageError` naming the file and saying how to make one.
    static func load(path: String) throws(UsageError) -> Baseline {
        let hint = "make one with \"pasbyscan scan --format json --output FILE\""
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UsageError(
                "baseline \"\(path)\" cannot be read: \(SystemErrorText.from(error)); \(hint)",
                showsUsage: false)
        }
        guard let report = try? JSONDecoder().decode(Report.self, from: data),
            report.format == "pasbyscan-report"
        else {
            throw UsageError(
                "baseline \"\(path)\" is not a pasbyscan JSON report; \(hint)", showsUsage: false)
        }
        return Baseline(fingerprints: Set(report.findings.map(\.fingerprint)))
    }

    /// `findings` without those in the baseline, which are counted in `summary`.
    func filter(_ findings: [Finding], summary: inout ScanSummary) -> [Finding] {
        let kept = findings.filter { !fingerprints.contains($0.fingerprint) }
        summary.baselineFindings += findings.count - kept.count
        return kept
    }
}
