import Rules
import ScanModel

/// The report for people: one block per finding, saying where, what, which environment and
/// what to do. Colour (severity only) when `colors` is set, which the CLI does on a terminal.
struct TextReport {
    let input: ReportInput
    let colors: Bool

    /// Writes one block per finding through `emit`.
    func write(to emit: (String) -> Void) {
        for finding in input.findings {
            emit(block(finding) + "\n")
        }
    }

    private func block(_ finding: Finding) -> String {
        let location = finding.location
        let rule = input.rule(for: finding)
        var lines: [String] = []
        lines.append(
            "\(location.path):\(location.startLine):\(location.startColumn): "
                + "\(paint(finding.severity)): \(rule?.name ?? finding.ruleID)")
        lines.append("  rule:        \(finding.ruleID)")
        var environment = finding.environment.rawValue
        if let evidence = finding.evidence, finding.ruleID == Rule.environmentMixID {
            environment +=
                " beside a sandbox credential (\(evidence.ruleID) at "
                + "\(evidence.path):\(evidence.line))"
        } else if let evidence = finding.evidence {
            environment += " (decided by \(evidence.ruleID) at \(evidence.path):\(evidence.line))"
        } else if finding.environment == .unknown {
            environment += " (nothing beside it says which pasby environment it belongs to)"
        }
        lines.append("  environment: \(environment)")
        lines.append("  secret:      \(input.shownSecret(finding))")
        if finding.encoding != .plain {
            lines.append("  written as:  \(finding.encoding.rawValue)")
        }
        if finding.isInBinaryFile {
            lines.append("  byte offset: \(location.byteOffset) (binary file)")
        }
        if let origin = finding.gitOrigin {
            lines.append(contentsOf: Self.gitLines(origin))
        }
        if let exposure = finding.exposure {
            lines.append("  exposure:    \(Self.describe(exposure))")
        }
        lines.append("  fingerprint: \(finding.fingerprint)")
        if let rule {
            lines.append("  what to do:  \(rule.remediation)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where in history a finding from `pasbyscan git` comes from.
    private static func gitLines(_ origin: GitOrigin) -> [String] {
        var lines: [String] = []
        if let commit = origin.commit {
            lines.append("  commit:      \(commit)" + (origin.authorDate.map { " (\($0))" } ?? ""))
        }
        lines.append("  blob:        \(origin.blob)")
        return lines
    }

    /// The exposure and, where it changes what to do, why.
    private static func describe(_ exposure: Exposure) -> String {
        switch exposure {
        case .worktree: "worktree (also in the current work tree)"
        case .historyOnly:
            "history-only (no longer in the work tree: rotate it, and rewrite history if shared)"
        case .staged: "staged (in the next commit)"
        }
    }

    private func paint(_ severity: Severity) -> String {
        guard colors else { return severity.rawValue }
        let code =
            switch severity {
            case .critical: "1;31"
            case .high: "31"
            case .medium: "33"
            case .low: "36"
            }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}
