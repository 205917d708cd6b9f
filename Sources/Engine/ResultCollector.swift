import ScanModel
import Synchronization

/// Gathers what the workers find; each worker hands over its findings once, when it ends.
final class ResultCollector: Sendable {
    private struct State {
        var findings: [Finding] = []
        var summary = ScanSummary()
    }

    private let state = Mutex(State())
    let onWarning: @Sendable (ScanWarning) -> Void

    init(onWarning: @escaping @Sendable (ScanWarning) -> Void) {
        self.onWarning = onWarning
    }

    func add(_ findings: [Finding], _ summary: ScanSummary) {
        state.withLock { state in
            state.findings.append(contentsOf: findings)
            state.summary.merge(summary)
        }
    }

    func result() -> ([Finding], ScanSummary) {
        state.withLock { ($0.findings, $0.summary) }
    }
}
