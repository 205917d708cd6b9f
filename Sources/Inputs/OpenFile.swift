import Glibc

/// An open, readable input: a regular file or standard input.
///
/// Owns its descriptor and closes it in `deinit`, except standard input, which it never closes.
public final class OpenFile {
    public let path: InputPath
    /// The size `fstat` gave when opened; a file may still grow or shrink while it is read.
    public let size: Int
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    init(path: InputPath, descriptor: Int32, size: Int, ownsDescriptor: Bool = true) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Standard input, read to its end.
    public static func standardInput() -> OpenFile {
        OpenFile(
            path: InputPath(bytes: Array("-".utf8), display: "<stdin>"), descriptor: 0, size: 0,
            ownsDescriptor: false)
    }

    /// Opens `path` if it is a regular file, without blocking on FIFOs.
    ///
    /// `O_NONBLOCK` stays set: it keeps a FIFO from blocking `open`, and has no effect on reads
    /// of the regular files that pass the check.
    ///
    /// Symbolic links are followed only when `followsSymlinks` is set. A FIFO is read only
    /// when `readsFIFO` is set (a root the user named, such as `<(command)`).
    /// With `entry`, the file is opened by name inside its open folder (`openat`).
    static func open(
        _ path: InputPath, entry: DirectoryEntry? = nil, followsSymlinks: Bool,
        readsFIFO: Bool = false
    ) -> Result<OpenFile, OpenFailure> {
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        if !followsSymlinks { flags |= O_NOFOLLOW }
        let descriptor: Int32
        if let entry {
            descriptor = entry.name.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    openat(entry.folder.descriptor, $0.baseAddress!, flags)
                }
            }
        } else {
            descriptor = path.withCString { Glibc.open($0, flags) }
        }
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP && !followsSymlinks { return .failure(.symlink) }
            return .failure(.system(code))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.system(code))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFIFO && readsFIFO {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            return .success(OpenFile(path: path, descriptor: descriptor, size: 0))
        }
        guard type == S_IFREG else {
            close(descriptor)
            return .failure(.notRegular)
        }
        return .success(OpenFile(path: path, descriptor: descriptor, size: Int(info.st_size)))
    }

    /// False for standard input and FIFOs.
    public var canReadAgain: Bool { ownsDescriptor && size > 0 }

    /// All the bytes from the start of the file (read again with `pread`), or nil when there
    /// are more than `limit`.
    public func readWhole(upTo limit: Int) throws(SystemError) -> [UInt8]? {
        guard canReadAgain, size <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, size - filled, off_t(filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError(code: errno)
            }
            if count == 0 { break }
            filled += count
        }
        return Array(bytes[..<filled])
    }

    /// Reads up to `count` bytes into `buffer` at `offset`, retrying on interrupts.
    /// - Returns: the bytes read; 0 at the end of the file.
    /// - Throws: `SystemError` when the read fails.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int, count: Int)
        throws(SystemError) -> Int
    {
        precondition(offset + count <= buffer.count)
        while true {
            let result = Glibc.read(descriptor, buffer.baseAddress! + offset, count)
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw SystemError(code: errno)
        }
    }
}

/// Why a path could not be opened as a regular file.
enum OpenFailure: Error {
    case symlink
    case notRegular
    case system(Int32)
}
