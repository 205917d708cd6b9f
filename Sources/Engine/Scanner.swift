import Inputs
import Rules
import ScanModel

/// Scans files, folders and standard input with a rule set: the engine's entry point.
public struct Scanner: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// Scans `roots` (paths as the user gave them; `-` is standard input).
    ///
    /// Folders are walked on `options.threads` threads. Problems with single inputs do not stop
    /// the scan: they are counted in the summary and passed to `onWarning`, which may be called
    /// from any worker thread.
    public func scan(
        roots: [String],
        options: ScanOptions,
        onWarning: @escaping @Sendable (ScanWarning) -> Void
    ) -> ScanResult {
        let engine = ScanEngine(
            rules: rules, allowedPaths: options.allowedPaths,
            reportsEverySkip: options.reportsEverySkip)
        let collector = ResultCollector(onWarning: onWarning)
        let chunkBytes = options.chunkBytes

        if roots.contains("-") {
            var worker = ScanWorker(engine: engine, collector: collector, chunkBytes: chunkBytes)
            worker.visit(OpenFile.standardInput())
            worker.finish()
        }
        let (kept, dropped) = RootList.deduplicated(roots.filter { $0 != "-" })
        for (root, cover) in dropped {
            onWarning(
                ScanWarning(
                    path: InputPath(root: root).display,
                    message: "already scanned as part of \"\(InputPath(root: cover).display)\""
                        + " (skipped)"))
        }
        let paths = kept.map(InputPath.init(root:))
        if !paths.isEmpty {
            FileWalker.walk(
                roots: paths,
                options: WalkOptions(
                    threads: options.threads, followsSymlinks: options.followsSymlinks)
            ) {
                ScanWorker(engine: engine, collector: collector, chunkBytes: chunkBytes)
            }
        }

        let (collected, summary) = collector.result()
        var findings = collected
        findings.sort()
        EnvironmentInference.applyAcrossFolders(
            to: &findings, rules: rules.rules, ruleIndexByID: engine.ruleIndexByID)
        return ScanResult(findings: findings, summary: summary)
    }
}
