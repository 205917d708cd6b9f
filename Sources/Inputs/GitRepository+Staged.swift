extension GitRepository {
    /// What the next commit would change: the index compared with HEAD, or with the empty
    /// tree before the first commit. Renames show as an addition and a deletion, so a renamed
    /// file is scanned under its new path.
    ///
    /// Reads the index git would commit (`GIT_INDEX_FILE` when set), never the work tree.
    public func stagedChanges(head: Head) throws(GitError) -> [StagedChange] {
        let output = try run([
            "diff-index", "--cached", "--raw", "-z", "--no-renames", "--no-abbrev",
            "--ignore-submodules=none", head.head ?? head.emptyTree, "--",
        ])
        return try StagedChange.parse(output)
    }
}
