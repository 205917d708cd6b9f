import Rules
import ScanModel

/// Decides the environment of secrets that do not carry one (private keys) from the pasby
/// credentials beside them.
///
/// First the same file: a production credential beside a key makes it a production key;
/// otherwise a sandbox one makes it a sandbox key. Then, for keys still undecided, the
/// `config.json` in the same folder or zip archive, as pasby Console's service file ships a
/// `*.pem` beside it. Otherwise the key stays `unknown`. The deciding credential is recorded
/// as evidence.
enum EnvironmentInference {
    /// Applies the same-file rule to the findings of one file.
    static func apply(to findings: inout [Finding], rules: [Rule], ruleIndexByID: [String: Int]) {
        guard let decider = decider(in: findings[...]) else { return }
        decide(
            &findings, indices: Array(findings.indices), by: decider, rules: rules,
            ruleIndexByID: ruleIndexByID)
    }

    /// Applies the folder rule to a whole scan's findings, sorted by path.
    static func applyAcrossFolders(
        to findings: inout [Finding], rules: [Rule], ruleIndexByID: [String: Int]
    ) {
        var deciders: [String: Finding] = [:]
        var start = 0
        while start < findings.count {
            let path = findings[start].location.path
            var end = start
            while end < findings.count && findings[end].location.path == path { end += 1 }
            if fileName(path) == "config.json", let decider = decider(in: findings[start..<end]) {
                deciders[folder(path)] = decider
            }
            start = end
        }
        guard !deciders.isEmpty else { return }
        for index in findings.indices where isInferred(findings[index]) {
            guard let decider = deciders[folder(findings[index].location.path)] else { continue }
            decide(
                &findings, indices: [index], by: decider, rules: rules,
                ruleIndexByID: ruleIndexByID)
        }
    }

    private static func decider(in findings: ArraySlice<Finding>) -> Finding? {
        let production = findings.first { $0.environment == .production && !isInferred($0) }
        let sandbox = findings.first { $0.environment == .sandbox && !isInferred($0) }
        return production ?? sandbox
    }

    private static func decide(
        _ findings: inout [Finding], indices: [Int], by decider: Finding, rules: [Rule],
        ruleIndexByID: [String: Int]
    ) {
        for index in indices where isInferred(findings[index]) {
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

    /// The folder, or the archive, holding `path` (`a/b.zip` for `a/b.zip!config.json`).
    private static func folder(_ path: String) -> String {
        guard let slash = path.lastIndex(where: { $0 == "/" || $0 == "!" }) else { return "" }
        return String(path[..<slash])
    }

    private static func fileName(_ path: String) -> Substring {
        guard let slash = path.lastIndex(where: { $0 == "/" || $0 == "!" }) else {
            return path[...]
        }
        return path[path.index(after: slash)...]
    }
}
