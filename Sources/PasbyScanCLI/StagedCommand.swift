import Dispatch
import Engine
import Inputs
import Rules
import ScanModel

/// `pasbyscan staged`, the pre-commit hook: scans exactly what the next commit would add.
///
/// Lists the index entries that differ from HEAD (from the empty tree before the first commit)
/// with one `git diff-index`, reads their blobs through one `git cat-file --batch`, and scans
/// them under their staged paths. The work tree is never read: a key staged and then removed
/// from the file still blocks the commit, and a key only in the work tree does not. Deletions
/// and submodule entries are not scanned; a symlink is scanned as the link text git stores.
struct StagedCommand {
    let console: Console

    /// `scan`'s options, less paths and `--follow-symlinks`.
    static func parse(_ arguments: ArraySlice<String>) throws(UsageError) -> ScanCommand.Options {
        var options = ScanCommand.Options()
        var reader = ArgumentReader(arguments)
        while let token = reader.next() {
            switch token {
            case .operand(let operand):
                throw UsageError(
                    "staged takes no paths (\"\(operand)\"): it scans what the index holds")
            case .option("--follow-symlinks", _):
                throw UsageError(
                    "--follow-symlinks does not apply to staged: a staged symlink is scanned "
                        + "as the link text git stores")
            case .option(let name, let inline):
                try ScanCommand.apply(name, inline: inline, reader: &reader, to: &options)
            }
        }
        options.paths = []
        return options
    }

    func run(_ options: ScanCommand.Options) throws(UsageError) -> ExitStatus {
        let started = DispatchTime.now()
        let (rules, config) = try ScanCommand.loadRulesAndConfig(options)
        let repository = GitRepository()
        // Started first, so git's start-up overlaps with listing what is staged.
        let reader = try? GitObjectReader(repository: repository)
        let changes: [StagedChange]
        do {
            changes = try repository.stagedChanges().changes
        } catch {
            console.error(
                "staged: cannot read what is staged: \(error.message); nothing was scanned")
            return .incomplete
        }

        var skipped = ScanSummary()
        var toScan: [StagedChange] = []
        for change in changes where !change.isDeletion {
            if change.isSubmodule || change.isUnmerged {
                let reason: SkipReason = change.isSubmodule ? .submodule : .unmerged
                skipped.skipped[reason, default: 0] += 1
                if reason.makesScanIncomplete || options.isVerbose {
                    warn(change.displayPath, "\(reason.rawValue) (skipped)", options)
                }
            } else {
                toScan.append(change)
            }
        }
        if toScan.isEmpty && !options.isQuiet {
            console.diagnostic("pasbyscan: nothing staged to scan")
        }

        var result = scan(
            toScan, reader: reader, repository: repository, rules: rules, config: config,
            options: options, skipped: &skipped)
        var summary = result.summary
        summary.merge(skipped)
        result = ScanResult(findings: result.findings, summary: summary)
        return ScanCommand(console: console).report(
            result, rules: rules, options: options, started: started,
            scannedNothingIsIncomplete: false)
    }

    /// Reads and scans the staged blobs. A failed read stops reading: the rest are counted
    /// unreadable, so the scan ends incomplete unless something already found blocks it.
    private func scan(
        _ changes: [StagedChange], reader: GitObjectReader?, repository: GitRepository,
        rules: RuleSet, config: ScanConfig, options: ScanCommand.Options,
        skipped: inout ScanSummary
    ) -> ScanResult {
        let console = self.console
        let isQuiet = options.isQuiet
        let pool = BufferScanPool(
            rules: rules, allowedPaths: config.allowedPaths,
            threads: min(options.threads, max(1, changes.count))
        ) { warning in
            if !isQuiet { console.warning("\"\(warning.path)\": \(warning.message)") }
        }
        guard !changes.isEmpty else {
            try? reader?.close()
            return pool.finish()
        }
        var done = 0
        do throws(GitError) {
            let objects: GitObjectReader
            if let reader {
                objects = reader
            } else {
                objects = try GitObjectReader(repository: repository)
            }
            try objects.read(changes.map(\.blobID)) { index, object in
                let change = changes[index]
                if let object {
                    pool.submit(object.bytes, path: change.inputPath)
                } else {
                    skipped.skipped[.unreadable, default: 0] += 1
                    warn(change.displayPath, "blob \(change.blobID) is missing (skipped)", options)
                }
                done += 1
            }
            try objects.close()
        } catch {
            console.error("staged: \(error.message); \(changes.count - done) staged files unread")
            skipped.skipped[.unreadable, default: 0] += max(1, changes.count - done)
        }
        let result = pool.finish()
        let findings = result.findings.map { finding in
            var finding = finding
            finding.exposure = .staged
            return finding
        }
        return ScanResult(findings: findings, summary: result.summary)
    }

    private func warn(_ path: String, _ message: String, _ options: ScanCommand.Options) {
        if !options.isQuiet { console.warning("\"\(path)\": \(message)") }
    }
}
