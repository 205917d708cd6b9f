import ScanModel

/// Everything a scan produced: findings in report order and the counts.
public struct ScanResult: Sendable {
    /// Sorted by path, line, column, rule: identical whatever the thread count.
    public let findings: [Finding]
    public let summary: ScanSummary

    public init(findings: [Finding], summary: ScanSummary) {
        self.findings = findings
        self.summary = summary
    }
}
