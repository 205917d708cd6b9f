/// How urgent a finding is; ordered from `low` to `critical`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case low
    case medium
    case high
    case critical

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// The CVSS-like score GitHub code scanning reads from `security-severity`.
    public var securityScore: String {
        switch self {
        case .low: "2.0"
        case .medium: "5.5"
        case .high: "8.0"
        case .critical: "9.5"
        }
    }
}
