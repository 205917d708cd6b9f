extension GitRepository {
    /// What the next commit would change: the index compared with HEAD, or with the empty
    /// tree before the first commit. Renames show as an addition and a deletion, so a renamed
    /// file is scanned under its new path.
    ///
    /// Reads the index git would commit (`GIT_INDEX_FILE` when set), never the work tree.
    /// `git rev-parse HEAD` and `git diff-index HEAD` run side by side, as a hook should be
    /// quick; before the first commit the second fails and runs again against the empty tree.
    public func stagedChanges() throws(GitError) -> (head: Head, changes: [StagedChange]) {
        let headProcess = try start(Self.headArguments)
        let againstHead = try start(Self.diffIndexArguments("HEAD"))
        let diff = try collect(againstHead)
        let head = try head(from: collect(headProcess))
        guard head.head != nil else {
            let output = try run(Self.diffIndexArguments(head.emptyTree))
            return (head, try StagedChange.parse(output))
        }
        guard diff.status == 0 else { throw diff.failure }
        return (head, try StagedChange.parse(diff.output))
    }

    private static func diffIndexArguments(_ base: String) -> [String] {
        [
            "diff-index", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev",
            "--ignore-submodules=none", base, "--",
        ]
    }
}
