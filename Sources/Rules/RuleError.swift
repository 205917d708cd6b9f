/// A rule file that cannot be used, with where and why.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as given.
    public var file: String
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// The rule's id, when the problem is inside one rule.
    public var ruleID: String?
    /// The field at fault, when there is one.
    public var field: String?
    /// What is wrong and how to fix it.
    public var message: String

    public init(
        file: String, line: Int? = nil, ruleID: String? = nil, field: String? = nil,
        message: String
    ) {
        self.file = file
        self.line = line
        self.ruleID = ruleID
        self.field = field
        self.message = message
    }

    /// `rules/x.yaml:12: rule "id": field "pattern": message`.
    public var description: String {
        var text = "\"\(file)\""
        if let line { text += ":\(line)" }
        if let ruleID { text += ": rule \"\(ruleID)\"" }
        if let field { text += ": field \"\(field)\"" }
        return text + ": " + message
    }
}
