/// Why an input was not scanned (or not scanned whole).
public enum SkipReason: String, Sendable, CaseIterable, Comparable {
    /// A symbolic link, not followed without `--follow-symlinks`.
    case symlink
    /// A symbolic link whose target does not exist.
    case brokenSymlink = "broken symlink"
    /// A followed link that leads back into a folder already being walked.
    case symlinkLoop = "symlink loop"
    /// A FIFO, socket or device.
    case notRegularFile = "not a regular file"
    /// The file or folder could not be opened or read.
    case unreadable
    /// A `.git` folder's internals.
    case gitInternals = ".git internals"
    /// A zip archive or member that could not be opened (encrypted, damaged, an unsupported
    /// compression, too large, too deep); the archive's raw bytes were still scanned, but what
    /// the member holds was not, so the scan is incomplete.
    case archiveMember = "unread archive member"
    /// A UTF-16 text file that could not be decoded (read from a pipe, or too large); its raw
    /// bytes were scanned, but a credential in UTF-16 has NULs between its letters.
    case undecodedText = "undecoded UTF-16 text"
    /// A submodule entry in the index (a commit of another repository, not a file).
    case submodule
    /// A staged path with unresolved conflicts, which git will not commit as it is.
    case unmerged
    /// The history before a shallow clone's boundary, which is not in the repository.
    case shallowHistory = "shallow history"

    /// True when the skip means the scan is incomplete: exit status 2 if nothing failed.
    public var makesScanIncomplete: Bool {
        [
            .unreadable, .brokenSymlink, .unmerged, .shallowHistory, .archiveMember, .undecodedText,
        ].contains(self)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
