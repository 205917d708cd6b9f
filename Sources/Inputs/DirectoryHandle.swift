import Glibc

/// An open folder that its entries are opened relative to (`openat`, `fstatat`).
///
/// Opening by name inside an open folder spares the kernel a walk of the whole path for every
/// file, and reaches folders nested deeper than `PATH_MAX` bytes. Owns its descriptor and
/// closes it in `deinit`; entries waiting in the walker's stack keep their folder's handle
/// alive. `@unchecked Sendable`: a descriptor may be used from any thread, and this type never
/// changes it after opening.
final class DirectoryHandle: @unchecked Sendable {
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Opens the folder at `path`.
    static func open(_ path: InputPath) -> Result<DirectoryHandle, SystemError> {
        let descriptor = path.withCString {
            Glibc.open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        return .success(DirectoryHandle(descriptor: descriptor))
    }

    /// Opens the folder `name` (NUL-terminated) inside this one; a symbolic link to a folder
    /// is followed only with `followsSymlinks`.
    func open(_ name: [UInt8], followsSymlinks: Bool) -> Result<DirectoryHandle, SystemError> {
        var flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
        if !followsSymlinks { flags |= O_NOFOLLOW }
        let descriptor = name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                openat(self.descriptor, $0.baseAddress!, flags)
            }
        }
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        return .success(DirectoryHandle(descriptor: descriptor))
    }

    /// `fstatat` of `name` (NUL-terminated) inside this folder.
    func status(of name: [UInt8], followsSymlinks: Bool) -> Result<stat, SystemError> {
        var info = stat()
        let flags = followsSymlinks ? 0 : AT_SYMLINK_NOFOLLOW
        let result = name.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                fstatat(descriptor, $0.baseAddress!, &info, flags)
            }
        }
        guard result == 0 else { return .failure(SystemError(code: errno)) }
        return .success(info)
    }
}

/// Where an entry is: the open folder holding it and its name there, NUL-terminated.
struct DirectoryEntry: Sendable {
    let folder: DirectoryHandle
    let name: [UInt8]
}
