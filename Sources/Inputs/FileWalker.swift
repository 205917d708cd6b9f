import Dispatch
import Glibc

/// How the walker treats what it meets.
public struct WalkOptions: Sendable {
    /// Worker threads; each owns one visitor.
    public var threads: Int
    /// Follow symbolic links below the roots (roots themselves are always followed).
    public var followsSymlinks: Bool

    public init(threads: Int, followsSymlinks: Bool = false) {
        self.threads = max(1, threads)
        self.followsSymlinks = followsSymlinks
    }
}

/// Walks folders in parallel and hands every regular file to a per-thread visitor.
///
/// Folders are read with `opendir`/`readdir`, using `d_type` to avoid a `stat` per entry.
/// The walk streams: a worker reads one folder, pushes its entries, and workers take files and
/// folders from a shared depth-first stack, so scanning starts with the first folder read.
/// `.git` entries are passed over; git-ignored files are not, since build outputs and `.env`
/// files are where secrets hide.
public enum FileWalker {
    /// Work for the walker. Entries found in a folder carry the folder's open handle, so they
    /// are opened by name, not by path.
    enum Item {
        case root(InputPath)
        case directory(InputPath, entry: DirectoryEntry?, ancestors: [FileID])
        case file(InputPath, entry: DirectoryEntry?, isRoot: Bool)
    }

    /// A folder's identity, to notice a followed link leading back into its own ancestry.
    struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Walks `roots` on `options.threads` threads, calling `makeVisitor` once on each.
    ///
    /// Returns when every file has been visited and every visitor's `finish()` has returned.
    public static func walk<Visitor: FileVisitor>(
        roots: [InputPath],
        options: WalkOptions,
        makeVisitor: @escaping @Sendable () -> Visitor
    ) {
        let queue = WorkQueue<Item>()
        queue.push(roots.reversed().map { Item.root($0) })
        let group = DispatchGroup()
        for _ in 0..<options.threads {
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                var visitor = makeVisitor()
                while let item = queue.pop() {
                    process(item, queue: queue, visitor: &visitor, options: options)
                    queue.finish()
                }
                visitor.finish()
            }
        }
        group.wait()
    }

    private static func process<Visitor: FileVisitor>(
        _ item: Item, queue: WorkQueue<Item>, visitor: inout Visitor, options: WalkOptions
    ) {
        switch item {
        case .root(let path):
            var info = stat()
            guard path.withCString({ stat($0, &info) }) == 0 else {
                visitor.skip(
                    path, reason: .unreadable, detail: SystemError(code: errno).description)
                return
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                process(
                    .directory(path, entry: nil, ancestors: [id]), queue: queue,
                    visitor: &visitor, options: options)
            } else {
                process(
                    .file(path, entry: nil, isRoot: true), queue: queue, visitor: &visitor,
                    options: options)
            }
        case .directory(let path, let entry, let ancestors):
            readDirectory(
                path, entry: entry, ancestors: ancestors, queue: queue, visitor: &visitor,
                options: options)
        case .file(let path, let entry, let isRoot):
            let opened = OpenFile.open(
                path, entry: entry, followsSymlinks: isRoot || options.followsSymlinks,
                readsFIFO: isRoot)
            switch opened {
            case .success(let file):
                visitor.visit(file)
            case .failure(.symlink):
                visitor.skip(path, reason: .symlink, detail: "not followed")
            case .failure(.notRegular):
                visitor.skip(path, reason: .notRegularFile, detail: "not a regular file")
            case .failure(.system(let code)):
                visitor.skip(path, reason: .unreadable, detail: SystemError(code: code).description)
            }
        }
    }
}
