import Rules
import ScanModel

/// Decides the environment of secrets that do not carry one (private keys) from the pasby
/// credentials in the same file.
///
/// A production credential beside a key makes it a production key; otherwise a sandbox one
/// makes it a sandbox key; otherwise it stays `unknown`. The deciding credential is recorded as
/// evidence. Only the same file is consulted: a key in `key.pem` beside a `config.json` stays
/// `unknown` (stated shortcoming: folder-level inference is not done yet).
enum EnvironmentInference {
    static func apply(to findings: inout [Finding], rules: [Rule], ruleIndexByID: [String: Int]) {
        let production = findings.first { $0.environment == .production && !isInferred($0) }
        let sandbox = findings.first { $0.environment == .sandbox && !isInferred($0) }
        guard let decider = production ?? sandbox else { return }
        for index in findings.indices where isInferred(findings[index]) {
            guard let ruleIndex = ruleIndexByID[findings[index].ruleID] else { continue }
            let rule = rules[ruleIndex]
            guard case .inferred = rule.environmentSource else { continue }
            findings[index].environment = decider.environment
            findings[index].severity = rule.severities[decider.environment] ?? rule.defaultSeverity
            findings[index].evidence = EnvironmentEvidence(
                ruleID: decider.ruleID, path: decider.location.path,
                line: decider.location.startLine)
        }
    }

    private static func isInferred(_ finding: Finding) -> Bool {
        finding.environment == .unknown && finding.evidence == nil
    }
}
