import Glibc

/// A git repository, reached by running `git` in a folder: the plumbing commands a git-aware
/// scan needs, with their output parsed and their failures turned into `GitError`s.
///
/// Every command inherits the process environment, so `GIT_INDEX_FILE` (set by `git commit -a`
/// and `git commit <path>` for the hook), `GIT_DIR` and `GIT_WORK_TREE` are honoured.
public struct GitRepository: Sendable {
    /// The folder git runs in (`git -C`); nil for the current folder.
    public let directory: String?

    public init(directory: String? = nil) {
        self.directory = directory
    }

    /// The id of HEAD's commit and of the empty tree in this repository's object format
    /// (SHA-1 or SHA-256). `head` is nil before the first commit.
    public struct Head: Sendable, Equatable {
        public let head: String?
        public let emptyTree: String
    }

    /// Reads HEAD; throws when this is not a repository.
    public func head() throws(GitError) -> Head {
        try head(from: collect(start(Self.headArguments)))
    }

    static let headArguments = [
        "rev-parse", "--show-object-format", "--verify", "-q", "HEAD^{commit}",
    ]

    /// Reads the output of `git rev-parse` run with `headArguments`.
    func head(from run: (status: Int32, output: [UInt8], failure: GitError)) throws(GitError)
        -> Head
    {
        let lines = run.output.split(separator: UInt8(ascii: "\n")).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard run.status == 0 || run.status == 1, let format = lines.first else {
            throw run.failure
        }
        return Head(
            head: run.status == 0 ? lines.dropFirst().first : nil,
            emptyTree: format == "sha256" ? Self.emptyTreeSHA256 : Self.emptyTreeSHA1)
    }

    /// The commit `revision` names, or nil when the repository does not have it.
    public func commit(_ revision: String) throws(GitError) -> String? {
        let run = try attempt([
            "rev-parse", "--verify", "-q", "--end-of-options", revision + "^{commit}",
        ])
        guard run.status == 0 else {
            if run.status == 1 { return nil }
            throw run.failure
        }
        return String(decoding: run.output, as: UTF8.self).trimmingNewline
    }

    /// True when this is a shallow clone, whose history stops at grafted commits.
    public func isShallow() throws(GitError) -> Bool {
        let output = try run(["rev-parse", "--is-shallow-repository"])
        return String(decoding: output, as: UTF8.self).trimmingNewline == "true"
    }

    /// The top folder of the work tree, absolute; nil for a bare repository, which has none.
    public func workTreeRoot() throws(GitError) -> String? {
        let inside = try run(["rev-parse", "--is-inside-work-tree"])
        guard String(decoding: inside, as: UTF8.self).trimmingNewline == "true" else {
            return nil
        }
        let output = try run(["rev-parse", "--show-toplevel"])
        return String(decoding: output, as: UTF8.self).trimmingNewline
    }

    /// The folder git runs hooks from (`core.hooksPath`, or the common git folder's `hooks`,
    /// which linked worktrees share), relative to `directory` when git gives it so.
    public func hooksDirectory() throws(GitError) -> String {
        let output = try run(["rev-parse", "--git-path", "hooks"])
        return String(decoding: output, as: UTF8.self).trimmingNewline
    }

    /// Starts a `git` process in `directory`. Replacement refs are ignored
    /// (`--no-replace-objects`): `git replace` must not hide a commit's real content.
    func start(
        _ arguments: [String], input: GitProcess.Input = .none, pipeBytes: Int32? = nil
    ) throws(GitError) -> GitProcess {
        try GitProcess(
            ["--no-replace-objects"] + (directory.map { ["-C", $0] } ?? []) + arguments,
            input: input, pipeBytes: pipeBytes)
    }

    /// Runs git to its end and returns its stdout; throws with git's message when it fails.
    func run(_ arguments: [String]) throws(GitError) -> [UInt8] {
        let run = try attempt(arguments)
        guard run.status == 0 else { throw run.failure }
        return run.output
    }

    /// Runs git to its end; the caller decides what its exit status means.
    func attempt(_ arguments: [String]) throws(GitError) -> (
        status: Int32, output: [UInt8], failure: GitError
    ) {
        try collect(start(arguments))
    }

    /// Reads a started process's output to its end and waits for it.
    func collect(_ process: GitProcess) throws(GitError) -> (
        status: Int32, output: [UInt8], failure: GitError
    ) {
        let arguments = process.arguments
        let output: [UInt8]
        do {
            output = try PipeReader(descriptor: process.output).readToEnd()
        } catch {
            throw GitError("reading the output of git \(arguments[0]) failed: \(error)")
        }
        let (status, message) = process.wait()
        return (status, output, process.failure(status, message))
    }

    static let emptyTreeSHA1 = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    static let emptyBlobSHA1 = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
    static let emptyTreeSHA256 = "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"
    static let emptyBlobSHA256 = "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813"
}

extension String {
    /// The string without one trailing newline.
    var trimmingNewline: String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
