import Glibc

/// The roots of a scan with repeats removed: a root named twice, or lying inside a folder that
/// is also a root, would be scanned and reported twice.
public enum RootList {
    /// The roots to walk, in the order given, and the ones dropped with the root covering them.
    public static func deduplicated(_ roots: [String]) -> (
        kept: [String], dropped: [(root: String, coveredBy: String)]
    ) {
        var kept: [(root: String, resolved: String?, isFolder: Bool)] = []
        var dropped: [(root: String, coveredBy: String)] = []
        for root in roots {
            let resolved = resolve(root)
            if let resolved,
                let cover = kept.first(where: { other in
                    guard let otherPath = other.resolved else { return false }
                    return otherPath == resolved
                        || (other.isFolder
                            && resolved.hasPrefix(otherPath == "/" ? "/" : otherPath + "/"))
                })
            {
                dropped.append((root, cover.root))
                continue
            }
            var info = stat()
            let isFolder = stat(root, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            kept.append((root, resolved, isFolder))
        }
        return (kept.map(\.root), dropped)
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
