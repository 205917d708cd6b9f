extension GitRepository {
    /// Where a blob was written: a path, and the first commit that put the blob there.
    public struct BlobPlace: Sendable, Equatable {
        public let path: [UInt8]
        public let commit: String
    }

    /// Every path each of `blobs` was written to in `revisions`, oldest first, from one
    /// `git log --raw -m` over that history.
    ///
    /// `rev-list --objects` names a blob once, at one path; the same content committed at two
    /// paths, or moved, would otherwise be reported at the first only, and a copy in an allowed
    /// folder could hide one elsewhere. Holds the log's output in memory: call it only for
    /// the blobs that have findings.
    public func places(of blobs: Set<String>, revisions: [String]) throws(GitError)
        -> [String: [BlobPlace]]
    {
        guard !blobs.isEmpty else { return [:] }
        let output = try run(
            [
                "log", "--no-renames", "--raw", "--no-abbrev", "-z", "-m", "--topo-order",
                "--reverse", "--format=%x01%H",
            ] + revisions + ["--"])
        var places: [String: [BlobPlace]] = [:]
        var commit = ""
        var pendingBlob: String?
        for field in output.split(separator: 0, omittingEmptySubsequences: false) {
            var token = field[...]
            while token.first == UInt8(ascii: "\n") { token = token.dropFirst() }
            if let blob = pendingBlob {
                pendingBlob = nil
                let place = BlobPlace(path: Array(token), commit: commit)
                if !(places[blob]?.contains { $0.path == place.path } ?? false) {
                    places[blob, default: []].append(place)
                }
            } else if token.first == 1 {
                commit = String(decoding: token.dropFirst(), as: UTF8.self)
            } else if token.first == UInt8(ascii: ":") {
                // ":old-mode new-mode old-id new-id status": the next field is the path.
                let parts = token.split(separator: UInt8(ascii: " "))
                guard parts.count >= 5 else { continue }
                let newID = String(decoding: parts[3], as: UTF8.self)
                if blobs.contains(newID) { pendingBlob = newID }
            }
        }
        return places
    }
}
