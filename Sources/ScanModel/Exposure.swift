/// Whether a secret found by a git-aware scan is still where a checkout shows it, which decides
/// what to do about it.
public enum Exposure: String, Sendable, Codable {
    /// Found in history, and the same secret (same fingerprint) is in the current work tree:
    /// rotate it and remove it from the code.
    case worktree
    /// Found in history only; the work tree no longer holds it. Removing it from the code is
    /// already done: rotate it, and rewrite history if the repository is shared.
    case historyOnly = "history-only"
    /// Found in what the next commit would add (`pasbyscan staged`).
    case staged
}
