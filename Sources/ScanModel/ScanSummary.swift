/// The counts a scan ends with, for the one-line summary and the JSON report.
public struct ScanSummary: Sendable, Equatable {
    public var filesScanned = 0
    public var bytesScanned = 0
    /// Inputs not scanned, by reason.
    public var skipped: [SkipReason: Int] = [:]
    /// Findings suppressed by the allowlist.
    public var allowedFindings = 0
    /// Findings left out because their fingerprints are in the baseline.
    public var baselineFindings = 0
    /// Candidates a rule gave up on at its match limit (counted, reported as warnings).
    public var matchLimitHits = 0

    public init() {}

    public var skippedCount: Int { skipped.values.reduce(0, +) }

    /// True when something the user asked for was not read.
    /// A candidate that hit a rule's match limit was not checked, so it counts too.
    public var isIncomplete: Bool {
        matchLimitHits > 0 || skipped.contains { $0.key.makesScanIncomplete && $0.value > 0 }
    }

    public mutating func merge(_ other: ScanSummary) {
        filesScanned += other.filesScanned
        bytesScanned += other.bytesScanned
        allowedFindings += other.allowedFindings
        baselineFindings += other.baselineFindings
        matchLimitHits += other.matchLimitHits
        for (reason, count) in other.skipped { skipped[reason, default: 0] += count }
    }
}
