import Engine
import Inputs
import Rules
import ScanModel

/// Tells history findings still in the work tree from those only in history, for
/// `pasbyscan git`: scans the work tree with the same rules and marks each finding `worktree`
/// when a work tree finding has its fingerprint (the same secret, wherever it now sits), else
/// `history-only`.
///
/// The work tree is scanned as `scan` would (git-ignored files included, `.git` skipped), but
/// without the config's allowed paths: a secret in an allowed file is still exposed. It is
/// scanned only when there are findings. A work tree file that cannot be read may hide a copy,
/// so a finding marked `history-only` is then not certain: `mark` says so through `warn`.
struct WorkTreeExposure {
    let rules: RuleSet
    let threads: Int

    /// `findings` with `exposure` set; unchanged without a work tree (a bare repository) or
    /// when git cannot say where it is.
    func mark(
        _ findings: [Finding], repository: GitRepository, warn: (String) -> Void
    ) -> [Finding] {
        guard !findings.isEmpty, let root = try? repository.workTreeRoot() else {
            return findings
        }
        let options = ScanOptions(
            threads: threads, followsSymlinks: false, allowedPaths: [], reportsEverySkip: false)
        let current = Scanner(rules: rules).scan(roots: [root], options: options) { _ in }
        if current.summary.isIncomplete {
            warn(
                "some work tree files could not be read: a finding marked history-only may "
                    + "still be in one of them")
        }
        let present = Set(current.findings.map(\.fingerprint))
        return findings.map { finding in
            var finding = finding
            finding.exposure = present.contains(finding.fingerprint) ? .worktree : .historyOnly
            return finding
        }
    }
}
