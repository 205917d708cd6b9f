import CYAML

/// A YAML node read by libyaml, with the 1-based line it starts on for error messages.
///
/// Scalars stay strings: rule files are read as text and every field is checked by the loader,
/// so YAML 1.1's implicit typing (`no` as false, `0x10` as a number) never changes a value.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        case scalar(String)
        case sequence([YAMLNode])
        /// Entries in document order; keys are scalars, with the 1-based line of the key.
        case mapping([(key: String, keyLine: Int, value: YAMLNode)])
    }

    public let value: Value
    public let line: Int

    /// The most nodes one document may expand to; bounds alias bombs.
    public static let maximumNodes = 100_000

    /// Parses one YAML document.
    /// - Throws: `YAMLError` with the line and libyaml's description of the problem.
    public static func parse(_ text: String) throws(YAMLError) -> YAMLNode {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(line: 0, message: "libyaml could not start a parser")
        }
        defer { yaml_parser_delete(&parser) }

        let bytes = Array(text.utf8)
        var document = yaml_document_t()
        let loaded = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return yaml_parser_load(&parser, &document)
        }
        guard loaded == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            throw YAMLError(line: Int(parser.problem_mark.line) + 1, message: problem)
        }
        defer { yaml_document_delete(&document) }
        guard let root = yaml_document_get_root_node(&document) else {
            throw YAMLError(line: 1, message: YAMLError.emptyDocumentMessage)
        }
        var budget = maximumNodes
        return try convert(root, in: &document, depth: 0, budget: &budget)
    }

    private static func convert(
        _ node: UnsafeMutablePointer<yaml_node_t>,
        in document: inout yaml_document_t,
        depth: Int,
        budget: inout Int
    ) throws(YAMLError) -> YAMLNode {
        let line = Int(node.pointee.start_mark.line) + 1
        guard depth < 64 else { throw YAMLError(line: line, message: "nesting is too deep") }
        budget -= 1
        guard budget >= 0 else {
            throw YAMLError(
                line: line, message: "more than \(maximumNodes) nodes (aliases expand to copies)")
        }
        switch node.pointee.type {
        case YAML_SCALAR_NODE:
            let scalar = node.pointee.data.scalar
            let buffer = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            return YAMLNode(value: .scalar(String(decoding: buffer, as: UTF8.self)), line: line)
        case YAML_SEQUENCE_NODE:
            var items: [YAMLNode] = []
            var item = node.pointee.data.sequence.items.start
            while let current = item, current != node.pointee.data.sequence.items.top {
                items.append(
                    try child(
                        current.pointee, in: &document, depth: depth, line: line, budget: &budget))
                item = current + 1
            }
            return YAMLNode(value: .sequence(items), line: line)
        case YAML_MAPPING_NODE:
            var pairs: [(key: String, keyLine: Int, value: YAMLNode)] = []
            var pair = node.pointee.data.mapping.pairs.start
            while let current = pair, current != node.pointee.data.mapping.pairs.top {
                let key = try child(
                    current.pointee.key, in: &document, depth: depth, line: line, budget: &budget)
                guard case .scalar(let name) = key.value else {
                    throw YAMLError(line: key.line, message: "a mapping key must be plain text")
                }
                let value = try child(
                    current.pointee.value, in: &document, depth: depth, line: line,
                    budget: &budget)
                pairs.append((name, key.line, value))
                pair = current + 1
            }
            return YAMLNode(value: .mapping(pairs), line: line)
        default:
            return YAMLNode(value: .scalar(""), line: line)
        }
    }

    private static func child(
        _ index: Int32,
        in document: inout yaml_document_t,
        depth: Int,
        line: Int,
        budget: inout Int
    ) throws(YAMLError) -> YAMLNode {
        guard let node = yaml_document_get_node(&document, index) else {
            throw YAMLError(line: line, message: "libyaml returned a dangling node")
        }
        return try convert(node, in: &document, depth: depth + 1, budget: &budget)
    }
}

/// A file that is not valid YAML.
public struct YAMLError: Error, Sendable, Equatable {
    /// The 1-based line libyaml stopped at.
    public let line: Int
    public let message: String

    static let emptyDocumentMessage = "the file holds no YAML document"

    /// True for a file that is empty or holds only comments.
    public var isEmptyDocument: Bool { message == Self.emptyDocumentMessage }
}
