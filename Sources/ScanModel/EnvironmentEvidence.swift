/// The neighbouring credential that decided a private key's environment.
public struct EnvironmentEvidence: Sendable, Hashable, Codable {
    /// The id of the rule that found the deciding credential.
    public var ruleID: String
    /// Where the deciding credential is (the same file as the key).
    public var path: String
    /// Its 1-based line.
    public var line: Int

    public init(ruleID: String, path: String, line: Int) {
        self.ruleID = ruleID
        self.path = path
        self.line = line
    }
}
