import Foundation
import Reports
import ScanModel

/// The one line that ends every scan on stderr.
///
/// `pasbyscan: scanned 12 files (3.4 MB) in 0.05 s; skipped 2 (symlink: 2); findings: 1
/// production, 0 sandbox, 0 unknown, 2 identifiers`
enum SummaryLine {
    /// The line for `input`; `seconds` is the whole run's time, report writing included.
    static func render(_ input: ReportInput, seconds: Double) -> String {
        let summary = input.summary
        var text =
            "pasbyscan: scanned \(summary.filesScanned) file"
            + (summary.filesScanned == 1 ? "" : "s")
            + " (\(megabytes(summary.bytesScanned)))"
            + " in \(String(format: "%.2f", seconds)) s"
        if summary.skippedCount > 0 {
            let reasons = summary.skipped.sorted { $0.key < $1.key }
                .map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", ")
            text += "; skipped \(summary.skippedCount) (\(reasons))"
        }
        var counts: [Environment: Int] = [:]
        for finding in input.findings { counts[finding.environment, default: 0] += 1 }
        text +=
            "; findings: \(counts[.production] ?? 0) production, \(counts[.sandbox] ?? 0) "
            + "sandbox, \(counts[.unknown] ?? 0) unknown, \(counts[.none] ?? 0) identifiers"
        if summary.allowedFindings > 0 { text += "; \(summary.allowedFindings) allowed by config" }
        if summary.baselineFindings > 0 { text += "; \(summary.baselineFindings) in the baseline" }
        if summary.matchLimitHits > 0 {
            text += "; \(summary.matchLimitHits) candidates hit the match limit"
        }
        if summary.filesScanned == 0 { text += "; nothing was scanned" }
        return text
    }

    private static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(bytes) bytes" }
        return String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}
