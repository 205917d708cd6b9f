import Dispatch
import Engine
import Inputs
import Rules
import ScanModel

/// `pasbyscan git [--all | BASE..HEAD | --since REV]`: scans git history, each blob once.
///
/// `--all` (the default) reads every blob reachable from any ref; a range reads only the blobs
/// that the range's commits hold and its base does not: the CI gate for a pull request. Blobs
/// come from git's object database (see `GitHistoryReader`), never from the work tree or from
/// parsing `git log -p`. A secret is reported once per path and rule, from the commit that
/// first held it there, with that commit's author time, and marked `worktree` or
/// `history-only` by `WorkTreeExposure`.
struct GitCommand {
    /// Which history to scan.
    enum Scope: Equatable {
        /// Everything reachable from every ref.
        case all
        /// What `head` holds and `base` does not.
        case range(base: String, head: String)
    }

    let console: Console

    /// `scan`'s options, less `--follow-symlinks`, and the scope.
    static func parse(_ arguments: ArraySlice<String>) throws(UsageError) -> (
        ScanCommand.Options, Scope
    ) {
        var options = ScanCommand.Options()
        var scopes: [Scope] = []
        var reader = ArgumentReader(arguments)
        while let token = reader.next() {
            switch token {
            case .operand(let operand):
                scopes.append(try range(operand))
            case .option("--all", nil):
                scopes.append(.all)
            case .option("--since", let inline):
                scopes.append(
                    .range(base: try reader.value(for: "--since", inline: inline), head: "HEAD"))
            case .option("--follow-symlinks", _):
                throw UsageError(
                    "--follow-symlinks does not apply to git: a symlink is scanned as the link "
                        + "text git stores")
            case .option(let name, let inline):
                try ScanCommand.apply(name, inline: inline, reader: &reader, to: &options)
            }
        }
        guard scopes.count <= 1 else {
            throw UsageError("give one of --all, BASE..HEAD or --since REV")
        }
        options.paths = []
        return (options, scopes.first ?? .all)
    }

    /// `BASE..HEAD`; an empty side means HEAD, as in git.
    private static func range(_ operand: String) throws(UsageError) -> Scope {
        guard !operand.contains("..."), let dots = operand.range(of: "..") else {
            throw UsageError(
                "\"\(operand)\" is not a range; give BASE..HEAD, --since REV or --all")
        }
        let base = String(operand[..<dots.lowerBound])
        let head = String(operand[dots.upperBound...])
        // An empty side is usually an unset variable in a CI script (`$BASE..HEAD`): scanning
        // nothing and passing would hide what the range was meant to check.
        guard !base.isEmpty, !head.isEmpty else {
            throw UsageError(
                "range \"\(operand)\" has an empty side; give both ends, such as "
                    + "\"origin/main..HEAD\" (is a variable unset?)")
        }
        return .range(base: base, head: head)
    }

    func run(_ options: ScanCommand.Options, scope: Scope) throws(UsageError) -> ExitStatus {
        let started = DispatchTime.now()
        let (rules, config) = try ScanCommand.loadRulesAndConfig(options)
        let repository = GitRepository()
        let revisions: [String]
        var extra = ScanSummary()
        switch try resolve(scope, in: repository) {
        case .success(let resolved):
            revisions = resolved.revisions
            if resolved.isShallow {
                extra.skipped[.shallowHistory] = 1
                warn(
                    "history",
                    "this is a shallow clone: commits before its boundary are not in the "
                        + "repository and were not scanned; run \"git fetch --unshallow\" "
                        + "for a full scan", options)
            }
        case .failure(let error):
            console.error("git: \(error.message); nothing was scanned")
            return .incomplete
        }

        var result = scan(
            revisions, repository: repository, rules: rules, config: config, options: options,
            extra: &extra)
        var summary = result.summary
        summary.merge(extra)
        result = ScanResult(findings: result.findings, summary: summary)
        if summary.filesScanned == 0 && !options.isQuiet {
            console.diagnostic("pasbyscan: no blobs to scan in this history")
        }
        return ScanCommand(console: console).report(
            result, rules: rules, options: options, started: started,
            scannedNothingIsIncomplete: false)
    }

    /// The revisions for `git rev-list`, or why there are none. A missing range end is a
    /// usage error that names it (exit 64); a repository git cannot read is a `GitError`.
    private func resolve(_ scope: Scope, in repository: GitRepository) throws(UsageError)
        -> Result<(revisions: [String], isShallow: Bool), GitError>
    {
        let isShallow: Bool
        var ids: [String?] = []
        do throws(GitError) {
            isShallow = try repository.isShallow()
            if case .range(let base, let head) = scope {
                ids = [try repository.commit(base), try repository.commit(head)]
            }
        } catch {
            return .failure(error)
        }
        guard case .range(let base, let head) = scope else {
            return .success((["--all"], isShallow))
        }
        let ends = [("base", base), ("head", head)]
        for (index, (role, revision)) in ends.enumerated() where ids[index] == nil {
            let hint =
                isShallow
                ? "; this is a shallow clone: fetch the missing history (\"git fetch --deepen\" "
                    + "or \"--unshallow\")"
                : "; check the name, or fetch it"
            throw UsageError(
                "range \(role) \"\(revision)\" is not a commit in this repository\(hint)",
                showsUsage: false)
        }
        return .success(([ids[1]!, "^" + ids[0]!], false))
    }

    /// Reads history and scans each blob. A failure while reading stops the reading and
    /// leaves the scan incomplete; what was read is still reported.
    private func scan(
        _ revisions: [String], repository: GitRepository, rules: RuleSet, config: ScanConfig,
        options: ScanCommand.Options, extra: inout ScanSummary
    ) -> ScanResult {
        let console = self.console
        let isQuiet = options.isQuiet
        // Allowed paths are applied after every path of each blob is known (see `placed`).
        let pool = BufferScanPool(rules: rules, allowedPaths: [], threads: options.threads) {
            warning in
            if !isQuiet { console.warning("\"\(warning.path)\": \(warning.message)") }
        }
        do {
            let history = try GitHistoryReader(repository: repository, revisions: revisions)
            while let blob = try history.next() {
                pool.submit(
                    blob.bytes, path: blob.inputPath,
                    origin: GitOrigin(blob: blob.id, commit: blob.commit))
            }
            let missing = try history.finish()
            if !missing.isEmpty { extra.skipped[.unreadable, default: 0] += missing.count }
            for object in missing.prefix(10) {
                warn(
                    object.id,
                    "object is missing from the repository, as in a partial clone "
                        + "(skipped)", options)
            }
            if missing.count > 10 {
                warn("history", "\(missing.count - 10) more objects are missing", options)
            }
        } catch {
            console.error("git: \(error.message)")
            extra.skipped[.unreadable, default: 0] += 1
        }
        let placedResult = placed(
            pool.finish(keepsFirstVersion: true), repository: repository, revisions: revisions,
            allowedPaths: config.allowedPaths)
        let exposure = WorkTreeExposure(rules: rules, threads: options.threads)
        let findings = exposure.mark(
            withAuthorTimes(placedResult.findings, repository: repository), repository: repository
        ) { message in
            warn("work tree", message, options)
        }
        return ScanResult(findings: findings, summary: placedResult.summary)
    }

    /// `findings` with their commits' author times; unchanged when they cannot be read.
    private func withAuthorTimes(_ findings: [Finding], repository: GitRepository)
        -> [Finding]
    {
        let commits = Set(findings.compactMap { $0.gitOrigin?.commit })
        guard !commits.isEmpty, let times = try? repository.authorTimes(of: commits.sorted())
        else { return findings }
        return findings.map { finding in
            var finding = finding
            if let commit = finding.gitOrigin?.commit {
                finding.gitOrigin?.authorTime = times[commit]
            }
            return finding
        }
    }

    private func warn(_ subject: String, _ message: String, _ options: ScanCommand.Options) {
        if !options.isQuiet { console.warning("\"\(subject)\": \(message)") }
    }
}
