import Glibc

/// One running `git` child process, started with `posix_spawnp` and the caller's environment
/// (so `GIT_INDEX_FILE`, `GIT_DIR` and friends set by a hook reach it).
///
/// Its stdout is a pipe the owner reads; its stdin is a pipe the owner writes, another
/// process's stdout, or `/dev/null`. Its stderr goes to an unlinked temporary file, read back
/// by `wait()` for the error message, so a chatty stderr can never block it. Not thread-safe:
/// one owner, though the input and output descriptors may be used from two threads.
final class GitProcess {
    /// Where the child's stdin comes from.
    enum Input {
        /// `/dev/null`.
        case none
        /// A pipe written through `input`.
        case pipe
        /// An open descriptor, such as the read end of another process's stdout.
        case descriptor(Int32)
    }

    let arguments: [String]
    /// The write end of the child's stdin, or -1; closed by `closeInput()`.
    private(set) var input: Int32 = -1
    /// The read end of the child's stdout; closed in `deinit` or by `closeOutput()`.
    private(set) var output: Int32
    private let pid: pid_t
    private let errorFile: UnsafeMutablePointer<FILE>
    private var exitStatus: Int32?

    /// Starts `git arguments...`; throws when it cannot be started (git not installed).
    /// `pipeBytes`, when set, asks for that much room in the stdout pipe (at most the
    /// system's `pipe-max-size`), so a child streaming gigabytes wakes its reader less often.
    init(_ arguments: [String], input inputKind: Input = .none, pipeBytes: Int32? = nil)
        throws(GitError)
    {
        self.arguments = arguments
        var stdoutPipe: [Int32] = [-1, -1]
        var stdinPipe: [Int32] = [-1, -1]
        guard Self.makePipe(&stdoutPipe) else {
            throw GitError("cannot start git: \(SystemError(code: errno))")
        }
        let needsInputPipe = if case .pipe = inputKind { true } else { false }
        let errorFile = tmpfile()
        guard let errorFile, !needsInputPipe || Self.makePipe(&stdinPipe) else {
            let error = GitError("cannot start git: \(SystemError(code: errno))")
            for end in stdoutPipe + stdinPipe where end >= 0 { close(end) }
            if let errorFile { fclose(errorFile) }
            throw error
        }
        self.errorFile = errorFile
        if let pipeBytes { _ = fcntl(stdoutPipe[0], Self.setPipeSize, pipeBytes) }
        _ = fcntl(fileno(errorFile), F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch inputKind {
        case .none:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .pipe:
            signal(SIGPIPE, SIG_IGN)
            posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        case .descriptor(let descriptor):
            posix_spawn_file_actions_adddup2(&actions, descriptor, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fileno(errorFile), 2)

        let argv = (["git"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(stdoutPipe[1])
        if stdinPipe[0] >= 0 { close(stdinPipe[0]) }
        guard result == 0 else {
            close(stdoutPipe[0])
            if stdinPipe[1] >= 0 { close(stdinPipe[1]) }
            fclose(errorFile)
            throw GitError("cannot run git: \(SystemError(code: result)); is git installed?")
        }
        self.pid = pid
        output = stdoutPipe[0]
        input = stdinPipe[1]
    }

    deinit {
        closeInput()
        closeOutput()
        if exitStatus == nil {
            kill(pid, SIGTERM)
            _ = wait()
        }
        fclose(errorFile)
    }

    /// Writes all of `bytes` to the child's stdin, retrying short writes and interrupts.
    /// A child that has ended gives `EPIPE` (SIGPIPE is ignored while a pipe is open).
    func write(_ bytes: [UInt8]) throws(SystemError) {
        if let error = Self.write(bytes, to: input) { throw error }
    }

    /// Writes all of `bytes` to `descriptor`; returns the error that stopped it, or nil.
    /// For a thread that feeds a child while the owner reads it.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> SystemError? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return SystemError(code: errno)
            }
            offset += written
        }
        return nil
    }

    /// Linux's `F_SETPIPE_SZ`, which Glibc hides from Swift behind `_GNU_SOURCE`.
    private static let setPipeSize: Int32 = 1031

    /// Closes the child's stdin, which ends a `git cat-file --batch`.
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Closes this process's copy of the child's stdout, once another process reads it, so
    /// the child sees a closed pipe if that reader ends early.
    func closeOutput() {
        if output >= 0 { close(output) }
        output = -1
    }

    /// Asks the child to end (SIGTERM); `wait()` still has to reap it.
    func terminate() {
        if exitStatus == nil { kill(pid, SIGTERM) }
    }

    /// Waits for the child to end; returns its exit status (128 + signal when killed) and the
    /// first line of what it wrote on stderr, without git's `fatal: ` or `error: ` prefix.
    @discardableResult
    func wait() -> (status: Int32, message: String) {
        if exitStatus == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let code = (status >> 8) & 0xFF
            let signal = status & 0x7F
            exitStatus = signal == 0 ? code : 128 + signal
        }
        return (exitStatus!, errorMessage())
    }

    /// A `GitError` for a failed run: "git diff-index failed (exit 128): bad revision 'HEAD'".
    func failure(_ status: Int32, _ message: String) -> GitError {
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("-") {
            rest = rest.dropFirst(first == "-C" ? 2 : 1)
        }
        let command = rest.first
        let reason = message.isEmpty ? "" : ": " + message
        return GitError("git \(command ?? "") failed (exit \(status))\(reason)")
    }

    /// A pipe whose ends close on exec, so no other child inherits them and keeps a pipe open.
    /// (`pipe2` is not exposed to Swift; the gap before `fcntl` matters only if another thread
    /// spawns a process at that instant.)
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private func errorMessage() -> String {
        rewind(errorFile)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 16 {
            let count = fread(&chunk, 1, chunk.count, errorFile)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        let important = lines.first { $0.hasPrefix("fatal: ") || $0.hasPrefix("error: ") }
        guard let line = important ?? lines.first else { return "" }
        for prefix in ["fatal: ", "error: "] where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count))
        }
        return String(line)
    }
}
