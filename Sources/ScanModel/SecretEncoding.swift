/// How a secret was written where it was found.
public enum SecretEncoding: String, Sendable, Codable {
    /// As issued, on its own lines.
    case plain
    /// Inside a JSON string, line breaks written as `\n` (pasby's service-file `config.json`).
    case jsonEscaped = "json-escaped"
    /// A multi-line secret flattened onto one line, its line breaks turned into spaces.
    case singleLine = "single-line"
}
