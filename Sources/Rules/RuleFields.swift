import ScanModel

/// Typed access to one YAML mapping of a rule file, with errors that name the field.
struct RuleFields {
    let pairs: [(key: String, keyLine: Int, value: YAMLNode)]
    let mappingLine: Int
    let origin: String
    let ruleID: String?

    init(node: YAMLNode, origin: String, ruleID: String?) throws(RuleError) {
        guard case .mapping(let pairs) = node.value else {
            throw RuleError(
                file: origin, line: node.line, ruleID: ruleID,
                message: "expected a mapping of field names to values")
        }
        self.pairs = pairs
        self.mappingLine = node.line
        self.origin = origin
        self.ruleID = ruleID
        var seen: Set<String> = []
        for pair in pairs where !seen.insert(pair.key).inserted {
            throw error(pair.key, "appears twice", line: pair.keyLine)
        }
    }

    func error(_ field: String, _ message: String, line: Int? = nil) -> RuleError {
        RuleError(
            file: origin, line: line ?? self.line(field) ?? mappingLine, ruleID: ruleID,
            field: field, message: message)
    }

    func line(_ field: String) -> Int? {
        pairs.first { $0.key == field }?.keyLine
    }

    func rejectUnknown(_ known: Set<String>) throws(RuleError) {
        for pair in pairs where !known.contains(pair.key) {
            throw error(
                pair.key, "is not a known field (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    func optionalNode(_ field: String) -> YAMLNode? {
        pairs.first { $0.key == field }?.value
    }

    func requiredNode(_ field: String) throws(RuleError) -> YAMLNode {
        guard let node = optionalNode(field) else {
            throw error(field, "is missing", line: mappingLine)
        }
        return node
    }

    func optionalString(_ field: String) throws(RuleError) -> String? {
        guard let node = optionalNode(field) else { return nil }
        guard case .scalar(let text) = node.value else {
            throw error(field, "must be text, not a list or mapping")
        }
        return text
    }

    func requiredString(_ field: String) throws(RuleError) -> String {
        guard let text = try optionalString(field) else {
            throw error(field, "is missing", line: mappingLine)
        }
        guard !text.isEmpty else { throw error(field, "is empty") }
        return text
    }

    func requiredSequence(_ field: String) throws(RuleError) -> [YAMLNode] {
        guard case .sequence(let items) = try requiredNode(field).value else {
            throw error(field, "must be a list")
        }
        return items
    }

    func optionalStringList(_ field: String) throws(RuleError) -> [String] {
        guard optionalNode(field) != nil else { return [] }
        var strings: [String] = []
        for item in try requiredSequence(field) {
            guard case .scalar(let text) = item.value else {
                throw error(field, "must be a list of text items", line: item.line)
            }
            strings.append(text)
        }
        return strings
    }

    func requiredStringList(_ field: String) throws(RuleError) -> [String] {
        let strings = try optionalStringList(field)
        guard !strings.isEmpty else {
            throw error(field, "must be a list with at least one item", line: mappingLine)
        }
        return strings
    }

    func optionalMapping(_ field: String) throws(RuleError) -> RuleFields? {
        guard let node = optionalNode(field), case .mapping = node.value else { return nil }
        return try RuleFields(node: node, origin: origin, ruleID: ruleID)
    }

    func requiredMapping(_ field: String) throws(RuleError) -> RuleFields {
        guard let mapping = try optionalMapping(field) else {
            throw error(field, "must be a mapping")
        }
        return mapping
    }

    func optionalNumber(_ field: String, in range: ClosedRange<Double>) throws(RuleError)
        -> Double?
    {
        guard let text = try optionalString(field) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw error(
                field,
                "\"\(text)\" must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func environmentValue(_ node: YAMLNode, field: String) throws(RuleError) -> Environment {
        guard case .scalar(let text) = node.value, let environment = Environment(rawValue: text)
        else {
            throw error(field, "must be production, sandbox, unknown or none", line: node.line)
        }
        return environment
    }

    func severityValue(_ node: YAMLNode, field: String) throws(RuleError) -> Severity {
        guard case .scalar(let text) = node.value, let severity = Severity(rawValue: text) else {
            throw error(field, "must be critical, high, medium or low", line: node.line)
        }
        return severity
    }
}
