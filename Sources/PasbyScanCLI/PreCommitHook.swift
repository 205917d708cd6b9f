import Foundation
import Glibc

/// The pre-commit hook pasbyscan writes, and how to tell it from a hook someone else wrote.
///
/// The script runs a chained hook first, when there is one (so formatters that re-stage files
/// run before the scan), then `pasbyscan staged`. It calls the binary that installed it, or
/// `pasbyscan` on PATH when that binary is gone; when neither exists it blocks the commit
/// rather than let it through unscanned.
struct PreCommitHook {
    /// The line that marks a hook as pasbyscan's own; uninstall removes only such hooks.
    static let marker = "# pasbyscan-hook: managed by \"pasbyscan hook\"; do not edit this line"
    /// The name a foreign hook is kept under while pasbyscan chains to it.
    static let chainedName = "pre-commit.pasbyscan-chained"
    /// The name a foreign hook is kept under when `--force` replaces it.
    static let backupName = "pre-commit.pasbyscan-backup"

    /// The pasbyscan binary the hook calls: an absolute path.
    let executable: String
    /// Whether the hook runs `pre-commit.pasbyscan-chained` before scanning (when it is
    /// executable, as git itself runs only executable hooks).
    let chains: Bool

    /// The shell script.
    var script: String {
        var lines = [
            "#!/bin/sh",
            "# pasbyscan pre-commit hook: blocks commits that stage pasby credentials or keys.",
            "# \"pasbyscan hook uninstall\" removes it; \"git commit --no-verify\" skips it once.",
            Self.marker,
        ]
        if chains {
            lines += [
                "chained=\"$(dirname \"$0\")/\(Self.chainedName)\"",
                "if [ -x \"$chained\" ]; then \"$chained\" \"$@\" || exit $?; fi",
            ]
        }
        lines += [
            "pasbyscan=\(Self.shellQuoted(executable))",
            "if [ ! -x \"$pasbyscan\" ]; then",
            "    pasbyscan=$(command -v pasbyscan) || {",
            "        echo \"pasbyscan: pre-commit hook: pasbyscan is not installed; commit "
                + "blocked\" >&2",
            "        exit 1",
            "    }",
            "fi",
            "exec \"$pasbyscan\" staged",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// True when the file at `path` is a hook pasbyscan wrote.
    static func isOwn(at path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return String(decoding: data.prefix(4096), as: UTF8.self)
            .split(separator: "\n").contains { $0 == marker }
    }

    /// The running binary's absolute path (from `/proc/self/exe`), else `pasbyscan`.
    static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? "pasbyscan"
    }

    /// `text` in single quotes for sh, a single quote written as `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
