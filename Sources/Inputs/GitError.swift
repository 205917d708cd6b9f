/// Why git could not give what a git-aware scan needs: not a repository, an unreadable index,
/// a failed `git` process. The scan stops and says so (exit status 2); it never reports clean.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed and why, with git's own message when it gave one; no trailing period.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
