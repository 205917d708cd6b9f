import Foundation

/// A git repository in a temporary folder, with a local user and no global or system config,
/// so tests see git's defaults whatever the machine's config says. Removed with the object.
public final class TemporaryRepository {
    public let tree: TemporaryTree

    /// What every git command of a test, and every `pasbyscan` run on the repository, should
    /// run with: no global or system config (no user hooks path, no signing).
    public static let environment = [
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
    ]

    /// Runs `git init` in a new folder and sets a local user name and email.
    public init(arguments: [String] = []) {
        tree = TemporaryTree()
        git(["init", "-q", "-b", "main"] + arguments)
        git("config", "user.name", "pasbyscan tests")
        git("config", "user.email", "tests@pasbyscan.invalid")
        git("config", "commit.gpgsign", "false")
    }

    /// Wraps a folder that already is a repository (a clone made by a test).
    public init(existing tree: TemporaryTree) {
        self.tree = tree
    }

    public var path: String { tree.path }

    /// Writes `contents` at `relativePath` in the work tree.
    @discardableResult
    public func write(_ relativePath: String, _ contents: String) -> URL {
        tree.write(relativePath, contents)
    }

    /// Runs `git arguments...` here; stops the test run when git fails.
    @discardableResult
    public func git(_ arguments: String...) -> String {
        git(arguments)
    }

    /// Runs `git arguments...` here with `environment` added and `input` on stdin; stops the
    /// test run when git fails, printing what git said.
    @discardableResult
    public func git(
        _ arguments: [String], environment: [String: String] = [:], input: String = ""
    ) -> String {
        let run = tryGit(arguments, environment: environment, input: input)
        precondition(run.status == 0, "git \(arguments) failed: \(run.error)")
        return run.output
    }

    /// Runs `git arguments...` here and returns its exit status, stdout and stderr.
    public func tryGit(
        _ arguments: [String], environment: [String: String] = [:], input: String = ""
    ) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = tree.root
        process.environment = ProcessInfo.processInfo.environment
            .merging(Self.environment) { $1 }.merging(environment) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try! process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        // Foundation's SIGCHLD handling can interrupt close(2); the pipe is closed anyway.
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self),
            String(decoding: error, as: UTF8.self)
        )
    }

    /// Stages everything and commits it.
    public func commitAll(_ message: String) {
        git("add", "-A")
        git("commit", "-q", "--no-verify", "-m", message)
    }
}
