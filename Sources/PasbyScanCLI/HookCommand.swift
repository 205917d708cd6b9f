import Foundation
import Glibc
import Inputs

/// `pasbyscan hook install [--force] [--chain]` and `pasbyscan hook uninstall`: the
/// pre-commit hook in the folder git runs hooks from (`git rev-parse --git-path hooks`, so
/// linked worktrees and `core.hooksPath` are honoured).
///
/// Exit status: 0 done; 1 refused, because a hook pasbyscan did not write is in the way (and
/// nothing was changed); 2 git or the file system failed; 64 usage.
struct HookCommand {
    enum Action: Equatable {
        case install(force: Bool, chain: Bool)
        case uninstall
    }

    let console: Console

    static func parse(_ arguments: ArraySlice<String>) throws(UsageError) -> Action {
        var words = arguments
        guard let verb = words.popFirst() else {
            throw UsageError("hook needs \"install\" or \"uninstall\"")
        }
        var force = false
        var chain = false
        for word in words {
            switch (verb, word) {
            case ("install", "--force"): force = true
            case ("install", "--chain"): chain = true
            case ("install", _), ("uninstall", _):
                throw UsageError("hook \(verb) does not take \"\(word)\"")
            default:
                throw UsageError("unknown hook action \"\(verb)\"; use install or uninstall")
            }
        }
        switch verb {
        case "install": return .install(force: force, chain: chain)
        case "uninstall": return .uninstall
        default: throw UsageError("unknown hook action \"\(verb)\"; use install or uninstall")
        }
    }

    func run(_ action: Action) -> ExitStatus {
        let folder: String
        do {
            folder = try GitRepository().hooksDirectory()
        } catch {
            console.error("hook: cannot find the hooks folder: \(error.message)")
            return .incomplete
        }
        let files = HookFiles(folder: folder)
        do {
            switch action {
            case .install(let force, let chain):
                return try install(files, force: force, chain: chain)
            case .uninstall:
                return try uninstall(files)
            }
        } catch {
            console.error("hook: \(SystemErrorText.from(error))")
            return .incomplete
        }
    }

    private func install(_ files: HookFiles, force: Bool, chain: Bool) throws -> ExitStatus {
        let manager = FileManager.default
        try manager.createDirectory(atPath: files.folder, withIntermediateDirectories: true)
        var note = ""
        if files.exists(files.hook) && !PreCommitHook.isOwn(at: files.hook) {
            if chain {
                guard !files.exists(files.chained) else {
                    console.error(
                        "hook: \"\(files.chained)\" already exists; move it away, then install "
                            + "with --chain again")
                    return .findings
                }
                try manager.moveItem(atPath: files.hook, toPath: files.chained)
                note = "; the hook that was there runs first, from \"\(files.chained)\""
            } else if force {
                // Never overwrite an earlier backup: it may be the only copy of a user's hook.
                var backup = files.backup
                var number = 1
                while files.exists(backup) {
                    number += 1
                    backup = files.backup + ".\(number)"
                }
                try manager.moveItem(atPath: files.hook, toPath: backup)
                note = "; the hook it replaced is kept as \"\(backup)\""
            } else {
                console.error(
                    "hook: \"\(files.hook)\" is a pre-commit hook pasbyscan did not write; "
                        + "install with --chain to run it before pasbyscan, or --force to "
                        + "replace it (it is kept as \"\(PreCommitHook.backupName)\")")
                return .findings
            }
        }
        let hook = PreCommitHook(
            executable: PreCommitHook.currentExecutable(), chains: files.exists(files.chained))
        try files.write(hook.script, to: files.hook)
        console.diagnostic("pasbyscan: installed the pre-commit hook at \"\(files.hook)\"\(note)")
        return .clean
    }

    private func uninstall(_ files: HookFiles) throws -> ExitStatus {
        guard files.exists(files.hook) else {
            console.diagnostic("pasbyscan: no pre-commit hook at \"\(files.hook)\"; nothing to do")
            return .clean
        }
        guard PreCommitHook.isOwn(at: files.hook) else {
            console.error(
                "hook: \"\(files.hook)\" is a pre-commit hook pasbyscan did not write; "
                    + "left as it is")
            return .findings
        }
        try FileManager.default.removeItem(atPath: files.hook)
        var note = ""
        if files.exists(files.chained) {
            try FileManager.default.moveItem(atPath: files.chained, toPath: files.hook)
            note = "; the chained hook is back in its place"
        }
        console.diagnostic("pasbyscan: removed the pre-commit hook at \"\(files.hook)\"\(note)")
        return .clean
    }
}

/// The paths of the hook files in one hooks folder.
private struct HookFiles {
    let folder: String

    var hook: String { folder + "/pre-commit" }
    var chained: String { folder + "/" + PreCommitHook.chainedName }
    var backup: String { folder + "/" + PreCommitHook.backupName }

    /// True when something (even a broken symbolic link) is at `path`.
    func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Writes an executable script whole: a temporary file beside it, then a rename.
    func write(_ text: String, to path: String) throws {
        let temporary = folder + "/.pre-commit.pasbyscan.\(getpid()).tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: temporary)
            guard rename(temporary, path) == 0 else { throw SystemError(code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
