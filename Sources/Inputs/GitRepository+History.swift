extension GitRepository {
    /// The author time (seconds since 1970) of each of `commits` that the repository has,
    /// read from the commit objects through one `git cat-file --batch`.
    public func authorTimes(of commits: [String]) throws(GitError) -> [String: Int] {
        let reader = try GitObjectReader(repository: self)
        var times: [String: Int] = [:]
        try reader.read(commits) { index, object in
            guard let object, object.type == "commit" else { return }
            if let time = Self.authorTime(in: object.bytes) { times[commits[index]] = time }
        }
        try reader.close()
        return times
    }

    /// The time on the `author Name <email> 1700000000 +0100` line of a commit's headers.
    static func authorTime(in commit: [UInt8]) -> Int? {
        for line in commit.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.isEmpty { return nil }
            guard line.starts(with: "author ".utf8) else { continue }
            let words = line.split(separator: UInt8(ascii: " "))
            guard words.count >= 2 else { return nil }
            return Int(String(decoding: words[words.count - 2], as: UTF8.self))
        }
        return nil
    }
}
