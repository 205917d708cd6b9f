/// Something whose bytes can be read in order: an open file, standard input, a git blob.
public protocol ByteSource {
    /// The path reports show for it.
    var path: InputPath { get }
    /// The size in bytes when known up front, else 0 (read to the end).
    var size: Int { get }
    /// Reads up to `count` bytes into `buffer` at `offset`; returns 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int, count: Int)
        throws(SystemError) -> Int
    /// All the bytes from the start, or nil when there are more than `limit`.
    func readWhole(upTo limit: Int) throws(SystemError) -> [UInt8]?
    /// False for standard input and pipes, whose bytes are gone once read.
    var canReadAgain: Bool { get }
}

extension OpenFile: ByteSource {}

/// Bytes already in memory, such as a blob read from git's object database.
public final class MemorySource: ByteSource {
    public let path: InputPath
    public let bytes: [UInt8]
    private var position = 0

    /// `displayPath` is shown as given.
    public init(bytes: [UInt8], displayPath: String) {
        self.bytes = bytes
        path = InputPath(bytes: Array(displayPath.utf8), display: displayPath)
    }

    /// Bytes reported under `path`, such as an archive member's.
    public init(bytes: [UInt8], path: InputPath) {
        self.bytes = bytes
        self.path = path
    }

    public var canReadAgain: Bool { true }

    public func readWhole(upTo limit: Int) -> [UInt8]? {
        bytes.count <= limit ? bytes : nil
    }

    public var size: Int { bytes.count }

    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int, count: Int)
        throws(SystemError) -> Int
    {
        let length = min(count, bytes.count - position)
        guard length > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            (buffer.baseAddress! + offset).copyMemory(
                from: source.baseAddress! + position, byteCount: length)
        }
        position += length
        return length
    }
}
