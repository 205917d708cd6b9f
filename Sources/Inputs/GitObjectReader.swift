import Glibc

/// Reads objects by id through one `git cat-file --batch` process, one request at a time.
///
/// git answers each request as soon as it is written (no `--buffer`), so requests and answers
/// alternate on one thread without either pipe filling. Call `close()` when done: it ends the
/// process and reports a failure, so a scan never counts as complete on a broken read.
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
        reader = PipeReader(descriptor: process.output)
    }

    /// The object `id`, or nil when the repository does not have it.
    public func read(_ id: String) throws(GitError) -> Object? {
        if id == GitRepository.emptyBlobSHA1 || id == GitRepository.emptyBlobSHA256 {
            return Object(type: "blob", bytes: [])
        }
        guard !id.contains(where: \.isWhitespace), !id.isEmpty else {
            throw GitError("\"\(id)\" is not an object id")
        }
        let header: [UInt8]
        do throws(SystemError) {
            try process.write(Array((id + "\n").utf8))
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

    /// Ends `git cat-file`; throws when it failed.
    public func close() throws(GitError) {
        process.closeInput()
        let (status, message) = process.wait()
        guard status == 0 else { throw process.failure(status, message) }
    }

    private func stopped(reading id: String, _ error: SystemError) -> GitError {
        process.closeInput()
        let (status, message) = process.wait()
        let reason = status != 0 ? process.failure(status, message).message : "\(error)"
        return GitError("reading object \(id) from git cat-file failed: \(reason)")
    }
}
