/// Where a finding is, in the units every report uses.
///
/// Lines are 1-based and end at LF or CRLF only. Columns are 1-based and count Unicode code
/// points (a UTF-8 byte-order mark is not a column); `endColumn` is exclusive, as in SARIF.
public struct Location: Sendable, Hashable, Codable {
    /// The path as reported: the scanned root as given, then the path below it, `/`-separated.
    public var path: String
    /// The raw bytes `path` shows (file names need not be UTF-8); findings sort by these.
    public var pathBytes: [UInt8]
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
    /// The 0-based byte offset of the match in its file.
    public var byteOffset: Int
    /// The match's length in bytes.
    public var byteLength: Int

    public init(
        path: String, startLine: Int, startColumn: Int, endLine: Int, endColumn: Int,
        byteOffset: Int, byteLength: Int, pathBytes: [UInt8]? = nil
    ) {
        self.path = path
        self.pathBytes = pathBytes ?? Array(path.utf8)
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
        self.byteOffset = byteOffset
        self.byteLength = byteLength
    }
}
