import Inputs
import Rules
import ScanModel
import Synchronization

/// Scans byte buffers that are already in memory (git blobs, archive members), one at a time.
///
/// Owns one worker's state (read buffer, PCRE2 match data), so it is not `Sendable`: give each
/// thread its own. Results follow the same rules as file scans: environment inference within
/// the buffer, allowed paths, redaction-ready findings.
public final class BufferScanner {
    private var worker: ScanWorker
    private let collector: ResultCollector
    private let warnings = WarningList()

    public init(rules: RuleSet, allowedPaths: [PathGlob] = []) {
        let engine = ScanEngine(rules: rules, allowedPaths: allowedPaths, reportsEverySkip: false)
        let warnings = self.warnings
        collector = ResultCollector { warning in warnings.append(warning) }
        worker = ScanWorker(engine: engine, collector: collector, chunkBytes: 4 << 20)
    }

    deinit {
        worker.finish()
    }

    /// The counts over every buffer scanned so far: buffers and bytes, findings dropped by
    /// allowed paths, candidates that hit a match limit.
    public var summary: ScanSummary { worker.summary }

    /// Scans `bytes`, reported under `path`, and returns its findings in report order and
    /// any warnings (such as a rule at its match limit).
    public func scan(_ bytes: [UInt8], path: String) -> (
        findings: [Finding], warnings: [ScanWarning]
    ) {
        scan(bytes, path: InputPath(bytes: Array(path.utf8), display: path))
    }

    /// Scans `bytes` under `path`, such as a git path (`InputPath(gitPath:)`), whose members
    /// show as `path!member` and which config patterns match.
    public func scan(_ bytes: [UInt8], path: InputPath) -> (
        findings: [Finding], warnings: [ScanWarning]
    ) {
        worker.visit(source: MemorySource(bytes: bytes, path: path))
        let findings = worker.takeFindings().sorted()
        return (findings, warnings.take())
    }
}

/// Warnings given while scanning one buffer; the collector may call from the scanning thread.
private final class WarningList: Sendable {
    private let list = Mutex<[ScanWarning]>([])

    func append(_ warning: ScanWarning) {
        list.withLock { $0.append(warning) }
    }

    func take() -> [ScanWarning] {
        list.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }
}
