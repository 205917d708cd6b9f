/// A file-system path kept as raw bytes, so names that are not valid UTF-8 still open.
///
/// Reports show `display`: the root as the user named it, normalized (`./a//b/` is `a/b`, and
/// `.` shows nothing), then the path below it. Bytes that are not valid UTF-8, and control
/// characters, are shown as `\xNN`, so every distinct name stays distinct and nothing a file
/// name holds can move a terminal's cursor. Display forms are built only when asked for, so
/// walking a tree allocates one array per entry.
public struct InputPath: Sendable, Hashable {
    /// The path's bytes and a terminating NUL, ready for system calls without a copy.
    private let terminated: [UInt8]
    /// The normalized root, as reports show it.
    private let root: String
    /// How many leading bytes of `bytes` belong to the root.
    private let rootByteCount: Int

    /// The bytes handed to the system calls, without the terminating NUL.
    public var bytes: ArraySlice<UInt8> { terminated.dropLast() }

    /// A path shown as `display`, with nothing below it.
    public init(bytes: [UInt8], display: String) {
        terminated = bytes + [0]
        root = display
        rootByteCount = bytes.count
    }

    /// A root as the user typed it.
    public init(root: String) {
        terminated = Array(root.utf8) + [0]
        self.root = InputPath.normalized(root)
        rootByteCount = terminated.count - 1
    }

    private init(terminated: [UInt8], root: String, rootByteCount: Int) {
        self.terminated = terminated
        self.root = root
        self.rootByteCount = rootByteCount
    }

    /// The path as reports show it.
    public var display: String {
        let below = relative
        if below.isEmpty { return root }
        if root == "." { return below }
        if root == "/" || below.hasPrefix("!") { return root + below }
        return root + "/" + below
    }

    /// The raw bytes of `display`: what a SARIF URI percent-encodes.
    public var displayBytes: [UInt8] {
        let below = bytesBelowRoot
        if below.isEmpty { return Array(root.utf8) }
        if root == "." { return Array(below) }
        let joinsDirectly = root == "/" || below.first == UInt8(ascii: "!")
        return Array(root.utf8) + (joinsDirectly ? [] : [UInt8(ascii: "/")]) + below
    }

    /// The path below the root it was found under, as shown; empty for the root itself.
    /// Config patterns are matched against this, so they do not depend on how the root was
    /// spelled.
    public var relative: String {
        InputPath.escaped(bytesBelowRoot)
    }

    private var bytesBelowRoot: ArraySlice<UInt8> {
        var below = terminated[rootByteCount..<terminated.count - 1]
        while below.first == UInt8(ascii: "/") { below = below.dropFirst() }
        return below
    }

    /// The path of `name` inside this folder.
    func appending(_ name: [UInt8]) -> InputPath {
        var joined: [UInt8] = []
        joined.reserveCapacity(terminated.count + name.count + 1)
        joined.append(contentsOf: terminated[..<(terminated.count - 1)])
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined += name
        joined.append(0)
        return InputPath(terminated: joined, root: root, rootByteCount: rootByteCount)
    }

    /// The path of member `name` of the archive at this path: `archive.zip!name`. Reports show
    /// it; it is never opened.
    public func member(_ name: [UInt8]) -> InputPath {
        var joined: [UInt8] = []
        joined.reserveCapacity(terminated.count + name.count + 1)
        joined.append(contentsOf: terminated[..<(terminated.count - 1)])
        joined.append(UInt8(ascii: "!"))
        joined += name
        joined.append(0)
        return InputPath(terminated: joined, root: root, rootByteCount: rootByteCount)
    }

    /// Calls `body` with the NUL-terminated path for a system call.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try terminated.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// `root` without empty and `.` components or trailing slashes; `.` when nothing is left.
    static func normalized(_ root: String) -> String {
        let isAbsolute = root.hasPrefix("/")
        let parts = root.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `bytes` as text: valid UTF-8 as is, other bytes and control characters as `\xNN`.
    static func escaped(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var shown: [UInt8] = []
        shown.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            let byte = bytes[index]
            if length == 0 || (length == 1 && (byte < 0x20 || byte == 0x7F)) {
                let hex = Array("0123456789ABCDEF".utf8)
                shown += [
                    UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)],
                    hex[Int(byte & 0xF)],
                ]
                index += 1
            } else {
                shown += bytes[index..<index + length]
                index += length
            }
        }
        return String(decoding: shown, as: UTF8.self)
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629), or 0.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8) =
            switch lead {
            case 0x00...0x7F: (1, 0, 0)
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard length > 1 else { return length }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else {
            return 0
        }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
            return 0
        }
        return length
    }
}
