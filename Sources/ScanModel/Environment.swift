/// The pasby environment a finding belongs to.
public enum Environment: String, Sendable, Codable, CaseIterable, Comparable {
    /// A live credential: real users, real signatures.
    case production
    /// A test credential for pasby's sandbox.
    case sandbox
    /// A secret whose environment nothing in its neighbourhood decides (a lone private key).
    case unknown
    /// Not a secret: an identifier such as an app or consumer id.
    case none

    private var order: Int {
        switch self {
        case .production: 0
        case .sandbox: 1
        case .unknown: 2
        case .none: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}
