import Inputs
import Rules
import ScanModel
import Synchronization

/// Scans a stream of in-memory buffers (git blobs) on several threads, each with its own
/// `BufferScanner`, and returns one sorted result.
///
/// One producer thread calls `submit` and then `finish`; `submit` blocks while 64 MiB of
/// buffers wait to be scanned. Small buffers travel in batches of up to 1 MiB, so a history of
/// many small blobs does not wake a worker per blob. Findings come back sorted as every report
/// wants them; findings that compare equal (the same secret at the same place of two versions
/// of one path) keep the order the buffers were submitted in, so the result does not depend on
/// the thread count.
public final class BufferScanPool {
    private struct Job {
        let bytes: [UInt8]
        let path: InputPath
        let origin: GitOrigin?
        let sequence: Int
    }

    /// What the workers hand over when they end.
    private final class Gathered: Sendable {
        struct State {
            var findings: [(sequence: Int, finding: Finding)] = []
            var summary = ScanSummary()
        }
        let state = Mutex(State())
    }

    private let queue = BlockingQueue<[Job]>(byteLimit: 64 << 20)
    private var batch: [Job] = []
    private var batchBytes = 0
    private static let batchByteLimit = 1 << 20
    private var workers: [DedicatedThread] = []
    private let gathered = Gathered()
    private var submitted = 0
    private let rules: RuleSet

    /// Starts `threads` workers. `onWarning` may be called from any of them.
    public init(
        rules: RuleSet, allowedPaths: [PathGlob], threads: Int,
        onWarning: @escaping @Sendable (ScanWarning) -> Void
    ) {
        self.rules = rules
        let queue = self.queue
        let gathered = self.gathered
        for _ in 0..<max(1, threads) {
            workers.append(
                DedicatedThread {
                    let scanner = BufferScanner(rules: rules, allowedPaths: allowedPaths)
                    var found: [(sequence: Int, finding: Finding)] = []
                    while let batch = queue.pop() {
                        for job in batch {
                            let (findings, warnings) = scanner.scan(job.bytes, path: job.path)
                            warnings.forEach(onWarning)
                            for var finding in findings {
                                finding.gitOrigin = job.origin
                                found.append((job.sequence, finding))
                            }
                        }
                    }
                    let summary = scanner.summary
                    gathered.state.withLock { state in
                        state.findings += found
                        state.summary.merge(summary)
                    }
                })
        }
    }

    deinit {
        queue.close()
        workers.forEach { $0.join() }
    }

    /// Queues `bytes` to be scanned and reported under `path`, with `origin` attached to its
    /// findings.
    public func submit(_ bytes: [UInt8], path: String, origin: GitOrigin? = nil) {
        submit(bytes, path: InputPath(bytes: Array(path.utf8), display: path), origin: origin)
    }

    /// Queues `bytes` to be scanned under `path` (a git path: `InputPath(gitPath:)`).
    public func submit(_ bytes: [UInt8], path: InputPath, origin: GitOrigin? = nil) {
        batch.append(Job(bytes: bytes, path: path, origin: origin, sequence: submitted))
        batchBytes += bytes.count
        submitted += 1
        if batchBytes >= Self.batchByteLimit || batch.count >= 256 { sendBatch() }
    }

    private func sendBatch() {
        guard !batch.isEmpty else { return }
        queue.push(batch, bytes: batchBytes)
        batch = []
        batchBytes = 0
    }

    /// Waits for every submitted buffer; returns the findings, sorted, and the counts. A key
    /// whose environment its own buffer does not decide takes it from a `config.json` buffer
    /// in the same folder, as in file scans.
    ///
    /// With `keepsFirstVersion`, a secret found by one rule at one path is reported once, from
    /// the earliest submitted buffer: the version of the file that introduced it.
    public func finish(keepsFirstVersion: Bool = false) -> ScanResult {
        sendBatch()
        queue.close()
        workers.forEach { $0.join() }
        workers = []
        var (found, summary) = gathered.state.withLock { ($0.findings, $0.summary) }
        if keepsFirstVersion {
            found.sort { $0.sequence < $1.sequence }
            var seen: Set<FirstVersionKey> = []
            found = found.filter { seen.insert(FirstVersionKey($0.finding)).inserted }
        }
        found.sort { left, right in
            if left.finding < right.finding { return true }
            if right.finding < left.finding { return false }
            return left.sequence < right.sequence
        }
        var findings = found.map(\.finding)
        var ruleIndexByID: [String: Int] = [:]
        for (index, rule) in rules.rules.enumerated() { ruleIndexByID[rule.id] = index }
        EnvironmentInference.applyAcrossFolders(
            to: &findings, rules: rules.rules, ruleIndexByID: ruleIndexByID)
        return ScanResult(findings: findings, summary: summary)
    }

    /// What makes two findings the same leak in two versions of a file.
    private struct FirstVersionKey: Hashable {
        let path: [UInt8]
        let ruleID: String
        let secret: String

        init(_ finding: Finding) {
            path = finding.location.pathBytes
            ruleID = finding.ruleID
            secret = finding.secret
        }
    }
}
