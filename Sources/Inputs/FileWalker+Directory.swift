import Glibc

extension FileWalker {
    /// Reads one folder and pushes its entries as work.
    static func readDirectory<Visitor: FileVisitor>(
        _ path: InputPath, ancestors: [FileID], queue: WorkQueue<Item>, visitor: inout Visitor,
        options: WalkOptions
    ) {
        guard let directory = path.withCString({ opendir($0) }) else {
            visitor.skip(path, reason: .unreadable, detail: SystemError(code: errno).description)
            return
        }
        defer { closedir(directory) }

        var found: [Item] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 {
                    visitor.skip(
                        path, reason: .unreadable,
                        detail: "listing stopped: " + SystemError(code: errno).description)
                }
                break
            }
            let name = entryName(entry)
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                continue
            }
            let child = path.appending(name)
            if name == gitFolderName {
                visitor.skip(child, reason: .gitInternals, detail: "not scanned")
                continue
            }
            if let item = classify(
                child, type: entry.pointee.d_type, ancestors: ancestors, visitor: &visitor,
                options: options)
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
        _ path: InputPath, type: UInt8, ancestors: [FileID], visitor: inout Visitor,
        options: WalkOptions
    ) -> Item? {
        var kind = Int32(type)
        if kind == Int32(DT_UNKNOWN) {
            var info = stat()
            guard path.withCString({ lstat($0, &info) }) == 0 else {
                visitor.skip(
                    path, reason: .unreadable, detail: SystemError(code: errno).description)
                return nil
            }
            kind = fileType(info.st_mode)
        }
        switch kind {
        case Int32(DT_DIR):
            var info = stat()
            guard path.withCString({ lstat($0, &info) }) == 0 else {
                visitor.skip(
                    path, reason: .unreadable, detail: SystemError(code: errno).description)
                return nil
            }
            let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            return .directory(path, ancestors: ancestors + [id])
        case Int32(DT_REG):
            return .file(path, isRoot: false)
        case Int32(DT_LNK):
            guard options.followsSymlinks else {
                visitor.skip(path, reason: .symlink, detail: "not followed")
                return nil
            }
            return followedLink(path, ancestors: ancestors, visitor: &visitor)
        default:
            visitor.skip(path, reason: .notRegularFile, detail: "not a regular file")
            return nil
        }
    }

    private static func followedLink<Visitor: FileVisitor>(
        _ path: InputPath, ancestors: [FileID], visitor: inout Visitor
    ) -> Item? {
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0 else {
            let code = errno
            let reason: SkipKind = code == ENOENT || code == ELOOP ? .brokenSymlink : .unreadable
            visitor.skip(path, reason: reason, detail: SystemError(code: code).description)
            return nil
        }
        guard fileType(info.st_mode) == Int32(DT_DIR) else {
            return .file(path, isRoot: false)
        }
        let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard !ancestors.contains(id) else {
            visitor.skip(path, reason: .symlinkLoop, detail: "leads back into a parent folder")
            return nil
        }
        return .directory(path, ancestors: ancestors + [id])
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
