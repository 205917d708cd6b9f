/// What the walker hands each file to: one visitor per worker thread.
///
/// The walker creates a visitor on each worker thread and calls it only from that thread, so a
/// visitor may own per-thread state (a read buffer, PCRE2 match data) without locks.
public protocol FileVisitor: SendableMetatype {
    /// Scans one regular file, already opened for reading.
    mutating func visit(_ file: OpenFile)
    /// Records an input that was not scanned.
    mutating func skip(_ path: InputPath, reason: SkipKind, detail: String)
    /// Called once on the visitor's thread after its last file.
    mutating func finish()
}

/// Why the walker passed over an input; mirrors the model's skip reasons.
public enum SkipKind: Sendable {
    case symlink
    case brokenSymlink
    case symlinkLoop
    case notRegularFile
    case unreadable
    case gitInternals
}
