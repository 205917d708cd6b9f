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

    /// Writes `text`. A regular file is written to a temporary name beside it, then renamed
    /// over it, so readers see the old report or the new one, never a part; a symbolic link is
    /// followed to its target; a device or FIFO (`/dev/stdout`) is written in place.
    /// A closed stdout (`| head`) is not a failure.
    func write(_ text: String, console: Console) throws(Failure) {
        switch self {
        case .standardOutput:
            if let error = console.output(text), error.code != EPIPE {
                throw Failure(message: "the report could not be written to stdout: \(error)")
            }
        case .file(let path):
            do {
                try writeFile(text, to: path)
            } catch {
                throw Failure(
                    message: "report \"\(path)\" cannot be written: \(error); check that its "
                        + "folder exists and is writable")
            }
        }
    }

    private func writeFile(_ text: String, to path: String) throws(SystemError) {
        var target = path
        var info = stat()
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
                break
            default:
                return try writeAll(text, to: target, flags: O_WRONLY | O_TRUNC)
            }
        }
        let folderEnd = target.lastIndex(of: "/").map { target.index(after: $0) }
        let folder = folderEnd.map { String(target[..<$0]) } ?? ""
        let name = folderEnd.map { String(target[$0...]) } ?? target
        let temporary = "\(folder).\(name).\(getpid()).tmp"
        do throws(SystemError) {
            try writeAll(text, to: temporary, flags: O_WRONLY | O_CREAT | O_EXCL)
            guard rename(temporary, target) == 0 else { throw SystemError(code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private func writeAll(_ text: String, to path: String, flags: Int32) throws(SystemError) {
        let descriptor = open(path, flags | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        if let error = FileDescriptorWriter.write(text, to: descriptor) {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw SystemError(code: errno) }
    }
}
