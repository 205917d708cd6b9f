/// One path whose staged content differs from HEAD: a line of
/// `git diff-index --cached --raw -z --no-renames`.
public struct StagedChange: Sendable, Equatable {
    /// git's status letter: `A` added, `M` modified, `D` deleted, `T` type changed,
    /// `U` unmerged.
    public let status: Character
    /// The staged mode, such as `100644`, `120000` (symlink) or `160000` (submodule); `000000`
    /// for a deletion.
    public let mode: String
    /// The staged blob's id; all zeros for a deletion or an unmerged path.
    public let blobID: String
    /// The path as git stores it: bytes, not necessarily UTF-8, relative to the top folder.
    public let path: [UInt8]

    public init(status: Character, mode: String, blobID: String, path: [UInt8]) {
        self.status = status
        self.mode = mode
        self.blobID = blobID
        self.path = path
    }

    /// The path as reports show it: bytes that are not UTF-8, and control characters such as
    /// a newline in a name, as `\xNN`.
    public var displayPath: String { InputPath.escaped(path) }

    /// The path to scan the blob under.
    public var inputPath: InputPath { InputPath(gitPath: path) }

    /// True for a gitlink: a submodule's commit, whose files are not in this repository.
    public var isSubmodule: Bool { mode == "160000" }

    /// True when the path leaves the index, so there is nothing to commit at it.
    public var isDeletion: Bool { status == "D" }

    /// True for a path with conflict stages, which `git commit` refuses until it is resolved.
    public var isUnmerged: Bool { status == "U" }

    /// Parses `git diff-index --raw -z` output:
    /// `:srcmode dstmode srcid dstid status NUL path NUL`, repeated.
    public static func parse(_ output: [UInt8]) throws(GitError) -> [StagedChange] {
        var changes: [StagedChange] = []
        var fields = output.split(separator: 0, omittingEmptySubsequences: false)[...]
        if fields.last?.isEmpty == true { fields = fields.dropLast() }
        while let header = fields.popFirst() {
            guard let path = fields.popFirst() else {
                throw GitError("git diff-index gave a change without a path")
            }
            let parts = header.split(separator: UInt8(ascii: " "))
            guard header.first == UInt8(ascii: ":"), parts.count == 5,
                let statusByte = parts[4].first
            else {
                throw GitError(
                    "git diff-index gave a line pasbyscan cannot read: "
                        + "\"\(InputPath.escaped(header))\"")
            }
            changes.append(
                StagedChange(
                    status: Character(UnicodeScalar(statusByte)),
                    mode: String(decoding: parts[1], as: UTF8.self),
                    blobID: String(decoding: parts[3], as: UTF8.self), path: Array(path)))
        }
        return changes
    }
}
