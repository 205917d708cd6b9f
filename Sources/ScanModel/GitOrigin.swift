/// Where in git history a finding's bytes come from: the blob, and the commit that first
/// holds that blob at the finding's path.
public struct GitOrigin: Sendable, Hashable {
    /// The blob's object id (hex).
    public var blob: String
    /// The first commit, in topological order, whose tree holds the blob at this path; nil
    /// when the blob is reachable only through a tag or its commit could not be told.
    public var commit: String?
    /// The commit's author time in seconds since 1970 (UTC), when known.
    public var authorTime: Int?

    public init(blob: String, commit: String? = nil, authorTime: Int? = nil) {
        self.blob = blob
        self.commit = commit
        self.authorTime = authorTime
    }
}
