extension GitRepository {
    /// The author time (seconds since 1970) of each of `commits` that the repository has,
    /// read from the commit objects through one `git cat-file --batch`.
    public func authorTimes(of commits: some Sequence<String>) throws(GitError) -> [String: Int] {
        let reader = try GitObjectReader(repository: self)
        var times: [String: Int] = [:]
        for commit in commits {
            guard let object = try reader.read(commit), object.type == "commit" else { continue }
            let headers = object.bytes.split(
                separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            // "author Name <email> 1700000000 +0100", in the header block before a blank line.
            for line in headers {
                if line.isEmpty { break }
                guard line.starts(with: "author ".utf8) else { continue }
                let words = line.split(separator: UInt8(ascii: " "))
                if words.count >= 2,
                    let time = Int(String(decoding: words[words.count - 2], as: UTF8.self))
                {
                    times[commit] = time
                }
                break
            }
        }
        try reader.close()
        return times
    }
}
