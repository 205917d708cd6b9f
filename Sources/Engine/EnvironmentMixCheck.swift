import Rules
import ScanModel

/// Raises `pasby.environment-mix` for a file holding pasby credentials of both environments.
enum EnvironmentMixCheck {
    /// The finding for `findings` (one file's), or nil when they do not mix production and
    /// sandbox credentials. It points at the file's first production credential and names its
    /// first sandbox credential as evidence.
    static func finding(in findings: [Finding]) -> Finding? {
        let credentials = findings.sorted().filter { $0.family.hasPrefix("pasby.") }
        guard let other = credentials.first(where: { $0.environment == .production }),
            let first = credentials.first(where: { $0.environment == .sandbox })
        else { return nil }
        let rule = Rule.environmentMix
        return Finding(
            ruleID: rule.id, family: rule.family, environment: .production,
            severity: rule.severities[.production] ?? .high, location: other.location,
            secret: other.secret, encoding: other.encoding,
            evidence: EnvironmentEvidence(
                ruleID: first.ruleID, path: first.location.path, line: first.location.startLine),
            isInBinaryFile: other.isInBinaryFile)
    }
}
