/// How a secret was written where it was found.
public enum SecretEncoding: String, Sendable, Codable {
    /// As issued, on its own lines.
    case plain
    /// Inside a JSON string, line breaks written as `\n` (pasby's service-file `config.json`).
    case jsonEscaped = "json-escaped"
    /// A multi-line secret flattened onto one line, its line breaks turned into spaces.
    case singleLine = "single-line"
    /// In a UTF-16 text file (one with a byte-order mark), as PowerShell's `>` writes them;
    /// lines, columns and byte offsets refer to the text decoded to UTF-8.
    case utf16 = "utf-16"
}
