import Glibc
import Inputs

/// Where the report goes: stdout, or a file written whole or not at all.
enum ReportDestination {
    case standardOutput
    case file(String)

    /// Why a report was not delivered; the run's exit status says so (never "clean").
    struct Failure: Error {
        let message: String
    }

    /// Writes the report `produce` emits piece by piece. A regular file is written to a
    /// temporary name beside it, then renamed over it, so readers see the old report or the
    /// new one, never a part; a symbolic link is followed to its target; a device or FIFO
    /// (`/dev/stdout`) is written in place. A replaced report keeps its permissions, so a
    /// private report stays private. A closed stdout (`| head`) is not a failure.
    func write(console: Console, _ produce: ((String) -> Void) -> Void) throws(Failure) {
        switch self {
        case .standardOutput:
            let buffer = ChunkBuffer { console.output($0) }
            produce(buffer.append)
            if let error = buffer.finish(), error.code != EPIPE {
                throw Failure(message: "the report could not be written to stdout: \(error)")
            }
        case .file(let path):
            do {
                try writeFile(path, produce)
            } catch {
                throw Failure(
                    message: "report \"\(path)\" cannot be written: \(error); check that its "
                        + "folder exists and is writable")
            }
        }
    }

    private func writeFile(_ path: String, _ produce: ((String) -> Void) -> Void)
        throws(SystemError)
    {
        var target = path
        var info = stat()
        var existingMode: mode_t?
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let resolved = realpath(path, nil) else { throw SystemError(code: errno) }
                target = String(cString: resolved)
                free(resolved)
                guard stat(target, &info) == 0 else { throw SystemError(code: errno) }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw SystemError(code: EISDIR)
            case S_IFREG:
                existingMode = info.st_mode & 0o7777
            default:
                return try writeAll(to: target, flags: O_WRONLY | O_TRUNC, mode: 0, produce)
            }
        }
        let folderEnd = target.lastIndex(of: "/").map { target.index(after: $0) }
        let folder = folderEnd.map { String(target[..<$0]) } ?? ""
        let name = folderEnd.map { String(target[$0...]) } ?? target
        let temporary = "\(folder).\(name).\(getpid()).tmp"
        do throws(SystemError) {
            try writeAll(
                to: temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: existingMode ?? 0o666,
                produce)
            if let existingMode, chmod(temporary, existingMode) != 0 {
                throw SystemError(code: errno)
            }
            guard rename(temporary, target) == 0 else { throw SystemError(code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes to `path`, created with `mode` (less the umask) when `flags` create it.
    private func writeAll(
        to path: String, flags: Int32, mode: mode_t, _ produce: ((String) -> Void) -> Void
    ) throws(SystemError) {
        let descriptor = open(path, flags | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        let buffer = ChunkBuffer { FileDescriptorWriter.write($0, to: descriptor) }
        produce(buffer.append)
        if let error = buffer.finish() {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw SystemError(code: errno) }
    }
}

/// Gathers report pieces into writes of about 64 KiB; after the first failed write it drops
/// the rest and keeps the error.
private final class ChunkBuffer {
    private let flush: (String) -> SystemError?
    private var pending = ""
    private var error: SystemError?
    private static let limit = 1 << 16

    init(flush: @escaping (String) -> SystemError?) {
        self.flush = flush
    }

    func append(_ piece: String) {
        guard error == nil else { return }
        pending += piece
        if pending.utf8.count >= Self.limit { write() }
    }

    /// Writes what is left; returns the first error, if any.
    func finish() -> SystemError? {
        if error == nil && !pending.isEmpty { write() }
        return error
    }

    private func write() {
        error = flush(pending)
        pending = ""
    }
}
