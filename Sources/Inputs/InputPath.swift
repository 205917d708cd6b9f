/// A file-system path kept as raw bytes, so names that are not valid UTF-8 still open.
///
/// `display` is what reports show: relative to the scanned root as the user named it, with `/`
/// separators and invalid UTF-8 replaced by U+FFFD.
public struct InputPath: Sendable, Hashable {
    /// The bytes handed to the system calls, without a terminating NUL.
    public let bytes: [UInt8]
    /// The path as reports show it.
    public let display: String

    public init(bytes: [UInt8], display: String) {
        self.bytes = bytes
        self.display = display
    }

    /// A root as the user typed it; a leading `./` is dropped from what reports show.
    public init(root: String) {
        bytes = Array(root.utf8)
        var shown = root
        while shown.hasPrefix("./") && shown.count > 2 { shown.removeFirst(2) }
        display = shown
    }

    /// The path of `name` inside this folder.
    func appending(_ name: [UInt8]) -> InputPath {
        var joined = bytes
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined.append(contentsOf: name)
        let shownName = String(decoding: name, as: UTF8.self)
        let shown: String
        if display == "." {
            shown = shownName
        } else if display.hasSuffix("/") {
            shown = display + shownName
        } else {
            shown = display + "/" + shownName
        }
        return InputPath(bytes: joined, display: shown)
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
