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

    /// The author time as ISO 8601 in UTC (`2024-05-01T09:30:00Z`), when known.
    public var authorDate: String? {
        guard let authorTime else { return nil }
        let days = authorTime >= 0 ? authorTime / 86_400 : (authorTime - 86_399) / 86_400
        let seconds = authorTime - days * 86_400
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(seconds / 3600)):"
            + "\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }
}
