import Glibc

extension FileWalker {
    /// Reads one folder and pushes its entries as work.
    ///
    /// The folder is opened by name inside its parent when `entry` is given, by path
    /// otherwise (a root, or when the process is out of descriptors).
    static func readDirectory<Visitor: FileVisitor>(
        _ path: InputPath, entry: DirectoryEntry?, ancestors: [FileID], queue: WorkQueue<Item>,
        visitor: inout Visitor, options: WalkOptions
    ) {
        let opened =
            entry.map { $0.folder.open($0.name, followsSymlinks: options.followsSymlinks) }
            ?? DirectoryHandle.open(path)
        let handle: DirectoryHandle
        switch opened {
        case .success(let folder):
            handle = folder
        case .failure(let error) where error.code == EMFILE || error.code == ENFILE:
            guard case .success(let folder) = DirectoryHandle.open(path) else {
                visitor.skip(path, reason: .unreadable, detail: error.description)
                return
            }
            handle = folder
        case .failure(let error):
            visitor.skip(path, reason: .unreadable, detail: error.description)
            return
        }
        let listing = dup(handle.descriptor)
        guard listing >= 0, let directory = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            visitor.skip(path, reason: .unreadable, detail: SystemError(code: errno).description)
            return
        }
        defer { closedir(directory) }

        var found: [Item] = []
        while true {
            errno = 0
            guard let record = readdir(directory) else {
                if errno != 0 {
                    visitor.skip(
                        path, reason: .unreadable,
                        detail: "listing stopped: " + SystemError(code: errno).description)
                }
                break
            }
            let name = entryName(record)
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                continue
            }
            let child = path.appending(name)
            if name == gitFolderName {
                visitor.skip(child, reason: .gitInternals, detail: "not scanned")
                continue
            }
            let childEntry = DirectoryEntry(folder: handle, name: name + [0])
            if let item = classify(
                child, entry: childEntry, type: record.pointee.d_type, ancestors: ancestors,
                visitor: &visitor, options: options)
            {
                found.append(item)
            }
        }
        queue.push(found)
    }

    private static let gitFolderName = Array(".git".utf8)

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: UInt8.self, capacity: 256) { start in
                var length = 0
                while length < 256 && start[length] != 0 { length += 1 }
                return Array(UnsafeBufferPointer(start: start, count: length))
            }
        }
    }

    private static func classify<Visitor: FileVisitor>(
        _ path: InputPath, entry: DirectoryEntry, type: UInt8, ancestors: [FileID],
        visitor: inout Visitor, options: WalkOptions
    ) -> Item? {
        var kind = Int32(type)
        if kind == Int32(DT_UNKNOWN) {
            switch entry.folder.status(of: entry.name, followsSymlinks: false) {
            case .success(let info): kind = fileType(info.st_mode)
            case .failure(let error):
                visitor.skip(path, reason: .unreadable, detail: error.description)
                return nil
            }
        }
        switch kind {
        case Int32(DT_DIR):
            // Folder identities matter only for noticing loops, which need followed links.
            guard options.followsSymlinks else {
                return .directory(path, entry: entry, ancestors: ancestors)
            }
            switch entry.folder.status(of: entry.name, followsSymlinks: false) {
            case .success(let info):
                let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                return .directory(path, entry: entry, ancestors: ancestors + [id])
            case .failure(let error):
                visitor.skip(path, reason: .unreadable, detail: error.description)
                return nil
            }
        case Int32(DT_REG):
            return .file(path, entry: entry, isRoot: false)
        case Int32(DT_LNK):
            guard options.followsSymlinks else {
                visitor.skip(path, reason: .symlink, detail: "not followed")
                return nil
            }
            return followedLink(path, entry: entry, ancestors: ancestors, visitor: &visitor)
        default:
            visitor.skip(path, reason: .notRegularFile, detail: "not a regular file")
            return nil
        }
    }

    private static func followedLink<Visitor: FileVisitor>(
        _ path: InputPath, entry: DirectoryEntry, ancestors: [FileID], visitor: inout Visitor
    ) -> Item? {
        let info: stat
        switch entry.folder.status(of: entry.name, followsSymlinks: true) {
        case .success(let status):
            info = status
        case .failure(let error):
            let isBroken = error.code == ENOENT || error.code == ELOOP
            visitor.skip(
                path, reason: isBroken ? .brokenSymlink : .unreadable, detail: error.description)
            return nil
        }
        guard fileType(info.st_mode) == Int32(DT_DIR) else {
            return .file(path, entry: entry, isRoot: false)
        }
        let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard !ancestors.contains(id) else {
            visitor.skip(path, reason: .symlinkLoop, detail: "leads back into a parent folder")
            return nil
        }
        return .directory(path, entry: entry, ancestors: ancestors + [id])
    }

    private static func fileType(_ mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: Int32(DT_DIR)
        case S_IFREG: Int32(DT_REG)
        case S_IFLNK: Int32(DT_LNK)
        default: -1
        }
    }
}
