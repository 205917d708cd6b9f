import Glibc
import Synchronization

/// Streams every blob reachable from some revisions, each once, with the path and the commit
/// that introduced it, read from git's object database.
///
/// Three git processes and one feeder thread:
/// `git rev-list --objects --in-commit-order --reverse --topo-order REVISIONS` lists each
/// commit, oldest first, followed by the trees and blobs it is the first to hold (with their
/// paths); `git cat-file --batch-check` reads it and tells blobs from trees; the feeder passes
/// the blobs on, tagged with their commit and path, to `git cat-file --batch --buffer`, whose
/// output `next()` reads. So each blob is read once, and its commit is the first one, in
/// topological order, whose tree holds it, at the path it has there.
///
/// Known limits: a path is cut at its first newline, as `rev-list` prints no more of it. Objects
/// that refs reach through tags are listed right after the oldest commit, so a blob a tag points
/// at has no commit and no path (reports show its id), and the blobs of a tree a tag points at
/// (rare: `v2.6.11-tree` in Linux) are credited to that oldest commit. One owner thread calls
/// `next()` until it returns nil, then `finish()`.
public final class GitHistoryReader {
    /// One blob, its bytes and where it first appeared.
    public struct Blob: Sendable {
        public let id: String
        /// The commit that introduced it; nil for a blob reached only through a tag.
        public let commit: String?
        /// Its path in that commit's tree, as git stores it; empty for a blob a tag points at.
        public let path: [UInt8]
        public let bytes: [UInt8]

        /// The path to scan the blob under; the blob id when it has no path.
        public var inputPath: InputPath {
            path.isEmpty ? InputPath(bytes: Array(id.utf8), display: id) : InputPath(gitPath: path)
        }
    }

    /// An object history refers to that the object database does not have, such as a blob
    /// a partial clone left out; its blobs cannot be scanned.
    public struct MissingObject: Sendable, Equatable {
        public let id: String
    }

    private let revisionList: GitProcess
    private let feeder: Feeder
    private let contents: GitProcess
    private let reader: PipeReader
    private let feederThread: DedicatedThread
    private var isFinished = false
    private var isDrained = false

    /// Room asked for in each pipe: the most Linux allows without raising `pipe-max-size`.
    private static let pipeBytes: Int32 = 1 << 20

    /// Starts reading `revisions` (`--all`, or commit ids with `^` before the excluded ones).
    public init(repository: GitRepository, revisions: [String]) throws(GitError) {
        revisionList = try repository.start(
            [
                "rev-list", "--objects", "--in-commit-order", "--reverse", "--topo-order",
                "--missing=print",
            ] + revisions + ["--"], pipeBytes: Self.pipeBytes)
        let types = try repository.start(
            ["cat-file", "--batch-check=%(objectname) %(objecttype) %(rest)", "--buffer"],
            input: .descriptor(revisionList.output), pipeBytes: Self.pipeBytes)
        revisionList.closeOutput()
        contents = try repository.start(
            ["cat-file", "--batch=%(objectname) %(objecttype) %(objectsize) %(rest)", "--buffer"],
            input: .pipe, pipeBytes: Self.pipeBytes)
        reader = PipeReader(descriptor: contents.output, capacity: 1 << 20)
        feeder = Feeder(types: types, contents: contents)
        let feeder = self.feeder
        feederThread = DedicatedThread { feeder.run() }
    }

    deinit {
        if !isFinished {
            revisionList.terminate()
            feeder.types.terminate()
            contents.terminate()
            feederThread.join()
        }
    }

    /// The next blob, or nil when all have been read.
    public func next() throws(GitError) -> Blob? {
        let header: [UInt8]
        do throws(SystemError) {
            guard let line = try reader.read(until: UInt8(ascii: "\n")) else {
                isDrained = true
                return nil
            }
            header = line
        } catch {
            throw GitError("reading git cat-file --batch failed: \(error)")
        }
        // "<id> <type> <size> <commit or -> <path>"; the path may hold spaces.
        let fields = header.split(
            separator: UInt8(ascii: " "), maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 5, let size = Int(String(decoding: fields[2], as: UTF8.self))
        else {
            throw GitError(
                "git cat-file --batch answered \"\(InputPath.escaped(header))\"; the object "
                    + "may have been removed while it was read")
        }
        let bytes: [UInt8]
        do throws(SystemError) {
            bytes = try reader.read(count: size)
            _ = try reader.read(count: 1)
        } catch {
            throw GitError("git cat-file --batch ended in the middle of an object: \(error)")
        }
        let commit = String(decoding: fields[3], as: UTF8.self)
        return Blob(
            id: String(decoding: fields[0], as: UTF8.self), commit: commit == "-" ? nil : commit,
            path: Array(fields[4]), bytes: bytes)
    }

    /// Waits for the git processes; returns the objects the object database lacks (listed,
    /// never fetched). Throws when a process failed (an unknown revision). Called before `next()`
    /// returned nil, it stops the processes first and throws.
    public func finish() throws(GitError) -> [MissingObject] {
        isFinished = true
        if !isDrained {
            revisionList.terminate()
            feeder.types.terminate()
            contents.terminate()
            feederThread.join()
            throw GitError("reading history was stopped before its end")
        }
        feederThread.join()
        let processes = [revisionList, feeder.types, contents]
        let results = processes.map { $0.wait() }
        for (process, result) in zip(processes, results) where result.status != 0 {
            throw process.failure(result.status, result.message)
        }
        if let error = feeder.error { throw error }
        return feeder.missing
    }
}

/// The feeder thread's side: reads object types and passes blobs to `git cat-file --batch`.
///
/// `@unchecked Sendable`: the feeder thread alone reads `types` and writes `contents` until it
/// ends; the owner touches them again only after joining it, except to send SIGTERM, which is
/// safe from any thread. `missing` and `error` are read only after the join.
private final class Feeder: @unchecked Sendable {
    let types: GitProcess
    let contents: GitProcess
    private(set) var missing: [GitHistoryReader.MissingObject] = []
    private(set) var error: GitError?

    init(types: GitProcess, contents: GitProcess) {
        self.types = types
        self.contents = contents
    }

    func run() {
        defer { contents.closeInput() }
        let lines = PipeReader(descriptor: types.output)
        var commit: [UInt8] = Array("-".utf8)
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 16)
        do throws(SystemError) {
            while let line = try lines.read(until: UInt8(ascii: "\n")) {
                // "<id> <type> <path>", or "<id> missing".
                let fields = line.split(
                    separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count >= 2 else { continue }
                switch String(decoding: fields[1], as: UTF8.self) {
                case "commit":
                    commit = Array(fields[0])
                case "blob":
                    // Only a blob a tag points at has no path: it belongs to no commit.
                    let path = fields.count == 3 ? fields[2] : []
                    pending += fields[0]
                    pending.append(UInt8(ascii: " "))
                    pending += path.isEmpty ? Array("-".utf8) : commit
                    pending.append(UInt8(ascii: " "))
                    pending += path
                    pending.append(UInt8(ascii: "\n"))
                    if pending.count >= 1 << 16 {
                        try contents.write(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                case "missing":
                    // `rev-list --missing=print` writes "?<id>" for an object it lacks.
                    let id =
                        fields[0].first == UInt8(ascii: "?") ? fields[0].dropFirst() : fields[0]
                    missing.append(.init(id: String(decoding: id, as: UTF8.self)))
                default:
                    continue
                }
            }
            try contents.write(pending)
        } catch {
            self.error = GitError("passing blob ids to git cat-file --batch failed: \(error)")
        }
    }
}
