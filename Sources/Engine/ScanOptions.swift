import Inputs

/// What a scan reads and how.
public struct ScanOptions: Sendable {
    /// Worker threads (at least 1).
    public var threads: Int
    /// Follow symbolic links below the roots.
    public var followsSymlinks: Bool
    /// Findings in paths matching these are dropped and counted as allowed.
    public var allowedPaths: [PathGlob]
    /// Bytes read per chunk; files larger than this are streamed through a window.
    public var chunkBytes: Int
    /// Warn about every skipped input, not only those that make the scan incomplete.
    public var reportsEverySkip: Bool

    public init(
        threads: Int, followsSymlinks: Bool = false, allowedPaths: [PathGlob] = [],
        chunkBytes: Int = 4 << 20, reportsEverySkip: Bool = false
    ) {
        self.reportsEverySkip = reportsEverySkip
        self.threads = max(1, threads)
        self.followsSymlinks = followsSymlinks
        self.allowedPaths = allowedPaths
        self.chunkBytes = chunkBytes
    }
}

/// A problem with one input that did not stop the scan.
public struct ScanWarning: Sendable, Equatable {
    /// The input's reported path.
    public let path: String
    /// What happened; never contains a secret.
    public let message: String
}
