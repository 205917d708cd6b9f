/// A file-system path kept as raw bytes, so names that are not valid UTF-8 still open.
///
/// `display` is what reports show: the root as the user named it (without a leading `./`;
/// nothing for `.`), then the path below it with `/` separators and invalid UTF-8 replaced by
/// U+FFFD. It is built only when asked for, so walking a tree allocates one array per entry.
public struct InputPath: Sendable, Hashable {
    /// The bytes handed to the system calls, without a terminating NUL.
    public let bytes: [UInt8]
    /// How reports show the root this path was found under.
    private let rootDisplay: String
    /// How many leading bytes of `bytes` belong to the root and its separator.
    private let rootByteCount: Int

    /// A path shown exactly as `display`.
    public init(bytes: [UInt8], display: String) {
        self.bytes = bytes
        rootDisplay = display
        rootByteCount = bytes.count
    }

    /// A root as the user typed it; a leading `./` is dropped from what reports show.
    public init(root: String) {
        bytes = Array(root.utf8)
        var shown = root
        while shown.hasPrefix("./") && shown.count > 2 { shown.removeFirst(2) }
        rootDisplay = shown
        rootByteCount = bytes.count
    }

    private init(bytes: [UInt8], rootDisplay: String, rootByteCount: Int) {
        self.bytes = bytes
        self.rootDisplay = rootDisplay
        self.rootByteCount = rootByteCount
    }

    /// The path as reports show it.
    public var display: String {
        guard bytes.count > rootByteCount else { return rootDisplay }
        var below = bytes[rootByteCount...]
        while below.first == UInt8(ascii: "/") { below = below.dropFirst() }
        let shownBelow = String(decoding: below, as: UTF8.self)
        if rootDisplay == "." { return shownBelow }
        if rootDisplay.hasSuffix("/") { return rootDisplay + shownBelow }
        return rootDisplay + "/" + shownBelow
    }

    /// The path of `name` inside this folder.
    func appending(_ name: [UInt8]) -> InputPath {
        var joined = bytes
        joined.reserveCapacity(bytes.count + name.count + 1)
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined.append(contentsOf: name)
        return InputPath(bytes: joined, rootDisplay: rootDisplay, rootByteCount: rootByteCount)
    }

    /// Calls `body` with a NUL-terminated copy of the path for a system call.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        var terminated = bytes
        terminated.append(0)
        return try terminated.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }
}
