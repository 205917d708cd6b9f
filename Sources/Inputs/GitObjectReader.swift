import Glibc

/// Reads objects by id through one `git cat-file --batch` process.
///
/// `read(_:)` asks for one object and waits for it: git answers each request as soon as it is
/// written (no `--buffer`), so requests and answers alternate on one thread. `read(_:each:)`
/// writes many requests from a second thread while this one reads the answers, so thousands
/// of objects (a first commit of a large tree) cost git's time, not a round trip each. Call
/// `close()` when done: it ends the process and reports a failure, so a scan never counts as
/// complete on a broken read.
public final class GitObjectReader {
    private let process: GitProcess
    private let reader: PipeReader

    /// An object's type and bytes.
    public struct Object: Sendable {
        /// `blob`, `tree`, `commit` or `tag`.
        public let type: String
        public let bytes: [UInt8]
    }

    /// Starts `git cat-file --batch` in `repository`. The empty blob is answered without
    /// asking git, since a repository need not store it (`git add -N` stages it).
    public init(repository: GitRepository) throws(GitError) {
        process = try repository.start(["cat-file", "--batch"], input: .pipe)
        reader = PipeReader(descriptor: process.output, capacity: 1 << 18)
    }

    /// The object `id`, or nil when the repository does not have it.
    public func read(_ id: String) throws(GitError) -> Object? {
        if Self.isEmptyBlob(id) { return Object(type: "blob", bytes: []) }
        try Self.check(id)
        do throws(SystemError) {
            try process.write(Array((id + "\n").utf8))
        } catch {
            throw stopped(reading: id, error)
        }
        return try answer(for: id)
    }

    /// Reads `ids` in order and hands each object (nil when missing) to `each` with its index.
    /// Stops at the first error, which ends the process.
    public func read(
        _ ids: [String], each: (Int, Object?) throws(GitError) -> Void
    ) throws(GitError) {
        for id in ids { try Self.check(id) }
        let requests = ids.filter { !Self.isEmptyBlob($0) }.map { $0 + "\n" }.joined()
        let input = process.input
        let writer = DedicatedThread { _ = GitProcess.write(Array(requests.utf8), to: input) }
        do throws(GitError) {
            for (index, id) in ids.enumerated() {
                try each(
                    index, Self.isEmptyBlob(id) ? Object(type: "blob", bytes: []) : answer(for: id))
            }
        } catch {
            // The writer may be blocked on a full pipe: end git so that its write fails.
            process.terminate()
            writer.join()
            throw error
        }
        writer.join()
    }

    /// Ends `git cat-file`; throws when it failed.
    public func close() throws(GitError) {
        process.closeInput()
        let (status, message) = process.wait()
        guard status == 0 else { throw process.failure(status, message) }
    }

    /// Reads the answer to a request for `id` already written.
    private func answer(for id: String) throws(GitError) -> Object? {
        let header: [UInt8]
        do throws(SystemError) {
            guard let line = try reader.read(until: UInt8(ascii: "\n")) else {
                throw SystemError(code: EPIPE)
            }
            header = line
        } catch {
            throw stopped(reading: id, error)
        }
        let fields = header.split(separator: UInt8(ascii: " "))
        if fields.count == 2, fields[1].elementsEqual("missing".utf8) { return nil }
        guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else {
            throw GitError("git cat-file answered \"\(InputPath.escaped(header))\" for \(id)")
        }
        do throws(SystemError) {
            let bytes = try reader.read(count: size)
            _ = try reader.read(count: 1)
            return Object(type: String(decoding: fields[1], as: UTF8.self), bytes: bytes)
        } catch {
            throw stopped(reading: id, error)
        }
    }

    private func stopped(reading id: String, _ error: SystemError) -> GitError {
        process.terminate()
        let (status, message) = process.wait()
        let reason =
            status != 0 && status != 128 + SIGTERM
            ? process.failure(status, message).message : "\(error)"
        return GitError("reading object \(id) from git cat-file failed: \(reason)")
    }

    private static func isEmptyBlob(_ id: String) -> Bool {
        id == GitRepository.emptyBlobSHA1 || id == GitRepository.emptyBlobSHA256
    }

    private static func check(_ id: String) throws(GitError) {
        guard !id.isEmpty, !id.contains(where: \.isWhitespace) else {
            throw GitError("\"\(id)\" is not an object id")
        }
    }
}
