import Rules
import ScanModel

/// What every report writer reads: one sorted finding list, the summary and the rules.
public struct ReportInput: Sendable {
    public let findings: [Finding]
    public let summary: ScanSummary
    public let rules: RuleSet
    /// Show secrets unredacted (`--show-secrets`).
    public let showsSecrets: Bool

    public init(findings: [Finding], summary: ScanSummary, rules: RuleSet, showsSecrets: Bool) {
        self.findings = findings
        self.summary = summary
        self.rules = rules
        self.showsSecrets = showsSecrets
    }

    /// The secret as this report shows it.
    func shownSecret(_ finding: Finding) -> String {
        showsSecrets ? finding.secret : finding.redactedSecret
    }

    func rule(for finding: Finding) -> Rule? {
        rules.descriptors.first { $0.id == finding.ruleID }
    }

    /// Findings per environment, every environment present (0 when none).
    var countsByEnvironment: [Environment: Int] {
        var counts: [Environment: Int] = [:]
        for environment in Environment.allCases { counts[environment] = 0 }
        for finding in findings { counts[finding.environment, default: 0] += 1 }
        return counts
    }
}
